package org.duban.decomposition;

import jakarta.validation.Validator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.duban.book.GoalArea;
import org.duban.book.ImportedIndicators;
import org.duban.book.IndicatorTerms;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookRepository;
import org.duban.book.TaskBookService;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemRepository;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.org.DepartmentRepository;
import org.duban.org.PersonRepository;
import org.duban.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import of a decomposition table (分解表) into a draft task book, by its issuer: upload and check,
 * keep the clean file in the database, preview, and confirm in one transaction through {@link
 * TaskBookService#addItem}, so that the editor's checks apply to every row.
 */
@Service
public class DecompositionImportService {

  private static final Logger log = LoggerFactory.getLogger(DecompositionImportService.class);

  /** Uploads older than this are deleted whenever a new one is stored. */
  static final java.time.Duration UPLOAD_LIFETIME = java.time.Duration.ofDays(1);

  private final TaskBookRepository books;
  private final WorkItemRepository workItems;
  private final DepartmentRepository departments;
  private final PersonRepository people;
  private final TaskBookService taskBooks;
  private final DecompositionUploadRepository uploads;
  private final Validator validator;
  private final HeaderVariantService headerVariants;
  private final HospitalDirectories directories;
  private final ImportedIndicators indicators;

  @jakarta.persistence.PersistenceContext private jakarta.persistence.EntityManager entityManager;

  DecompositionImportService(
      TaskBookRepository books,
      WorkItemRepository workItems,
      DepartmentRepository departments,
      PersonRepository people,
      TaskBookService taskBooks,
      DecompositionUploadRepository uploads,
      Validator validator,
      HeaderVariantService headerVariants,
      HospitalDirectories directories,
      ImportedIndicators indicators) {
    this.indicators = indicators;
    this.headerVariants = headerVariants;
    this.books = books;
    this.workItems = workItems;
    this.departments = departments;
    this.people = people;
    this.taskBooks = taskBooks;
    this.uploads = uploads;
    this.validator = validator;
    this.directories = directories;
  }

  /**
   * The outcome of an upload: its plan, and the stored upload's id when the file is clean or names
   * departments or leaders the hospital does not know by those names (kept for the name screen).
   */
  public record Uploaded(ImportPlan plan, Long uploadId) {}

  /** What a confirmed import did. */
  public record Imported(int created, int skipped, List<String> goalAreasCreated) {}

  /** The upload being previewed. */
  public record Preview(Long uploadId, String fileName, String sha256, ImportPlan plan) {}

  /** A file as read and as it would be imported: for the sheet with its problems added. */
  public record Checked(DecompositionReader.Result read, ImportPlan plan) {}

  /** Checks a file against the draft without storing anything. */
  @Transactional(readOnly = true)
  public Checked check(Long bookId, byte[] content, CurrentUser user) {
    return checked(importable(bookId, user), content);
  }

  /** Checks a stored upload against the draft as it stands now. */
  @Transactional(readOnly = true)
  public Checked checkUpload(Long bookId, Long uploadId, CurrentUser user) {
    TaskBook book = importable(bookId, user);
    DecompositionUpload upload = uploads.findById(uploadId).orElseThrow(UploadGone::new);
    requireOwn(upload, bookId, user);
    return checked(book, upload.getContent());
  }

  /** Throws 403 unless the user is the issuer of this book and it is a draft. */
  @Transactional(readOnly = true)
  public void requireImporter(Long bookId, CurrentUser user) {
    importable(bookId, user);
  }

  /**
   * Checks the file against the draft; a clean file is stored for the preview and confirmation (an
   * identical pending upload of the same user is reused), a file with problems is not stored.
   */
  @Transactional
  public Uploaded upload(Long bookId, String fileName, byte[] content, CurrentUser user) {
    TaskBook book = importable(bookId, user);
    HospitalDirectory directory = directories.load();
    ImportPlan plan = plan(book, content, directory);
    // a file whose names the person can map on the name screen is kept for it
    if (!plan.isClean() && UnmatchedNames.of(plan, directory).isEmpty()) {
      return new Uploaded(plan, null);
    }
    uploads.deleteCreatedBefore(EngineClock.now().minus(UPLOAD_LIFETIME));
    String sha256 = sha256(content);
    DecompositionUpload upload =
        uploads
            .findFirstByTaskBookIdAndUploadedByAndSha256OrderByIdDesc(
                bookId, user.getUsername(), sha256)
            .orElseGet(
                () ->
                    uploads.save(
                        new DecompositionUpload(
                            bookId,
                            user.getUsername(),
                            fileName(fileName),
                            content,
                            sha256,
                            EngineClock.now())));
    log.info(
        "decomposition upload {} of book {} by {}: {} rows, sha256 {}",
        upload.getId(),
        bookId,
        user.getUsername(),
        plan.rows().size(),
        sha256);
    return new Uploaded(plan, upload.getId());
  }

  /** The stored upload checked again against the draft as it stands now. */
  @Transactional(readOnly = true)
  public Preview preview(Long bookId, Long uploadId, CurrentUser user) {
    TaskBook book = importable(bookId, user);
    DecompositionUpload upload = uploads.findById(uploadId).orElseThrow(UploadGone::new);
    requireOwn(upload, bookId, user);
    return new Preview(
        upload.getId(), upload.getFileName(), upload.getSha256(), plan(book, upload.getContent()));
  }

  /**
   * Writes every new row, and the goal areas they name, in this one transaction, then deletes the
   * upload. Nothing is written when any row has a problem (a {@link UserError} with the plan as its
   * detail).
   */
  @Transactional
  public Imported confirm(Long bookId, Long uploadId, CurrentUser user) {
    TaskBook book = importable(bookId, user);
    DecompositionUpload upload = uploads.findForUpdate(uploadId).orElseThrow(UploadGone::new);
    requireOwn(upload, bookId, user);
    ImportPlan plan = plan(book, upload.getContent());
    if (!plan.isClean()) {
      throw refused(plan);
    }
    for (String area : plan.newGoalAreas()) {
      taskBooks.addGoalArea(bookId, area, user);
    }
    books.flush();
    Map<String, Long> areaIds = goalAreaIds(book);
    // The plan has checked every row against the book and each other; flushing before each
    // row's queries would dirty-check all rows written so far, quadratic in the table's size.
    entityManager.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
    for (PlannedRow row : plan.newRows()) {
      try {
        WorkItem item = taskBooks.addItem(bookId, row.toForm(areaIds.get(row.goalArea())), user);
        // checked by the plan as the editor's form checks an indicator (IndicatorCells)
        indicators.add(
            item.getId(),
            row.indicators().stream()
                .map(
                    i ->
                        new IndicatorTerms(
                            i.name(), i.unit(), i.direction(), i.baseline(), i.target()))
                .toList());
      } catch (UserError rejected) {
        ImportProblem problem =
            ImportProblem.atRow(
                row.rowNumber(),
                "row.rejected",
                new DefaultMessageSourceResolvable(new String[] {rejected.key()}, rejected.key()));
        throw refused(new ImportPlan(plan.rows(), plan.newGoalAreas(), List.of(problem)));
      }
    }
    uploads.delete(upload);
    log.info(
        "decomposition upload {} imported into book {} by {}: {} created, {} skipped, goal areas {}",
        uploadId,
        bookId,
        user.getUsername(),
        plan.newRows().size(),
        plan.existingRows().size(),
        plan.newGoalAreas());
    return new Imported(plan.newRows().size(), plan.existingRows().size(), plan.newGoalAreas());
  }

  /** Confirming found problems (the book changed since the preview); the transaction rolls back. */
  private static UserError refused(ImportPlan plan) {
    return new UserError("decomposition.problems.changed", plan.problems().size()).withDetail(plan);
  }

  @Transactional
  public void discard(Long bookId, Long uploadId, CurrentUser user) {
    importable(bookId, user);
    uploads
        .findById(uploadId)
        .ifPresent(
            upload -> {
              requireOwn(upload, bookId, user);
              uploads.delete(upload);
            });
  }

  /** A stored upload's plan as the book and the hospital stand now, with the directory it used. */
  record Planned(ImportPlan plan, HospitalDirectory directory) {}

  /** For the name screen: the importer's own upload, planned again. */
  @Transactional(readOnly = true)
  Planned planned(Long bookId, Long uploadId, CurrentUser user) {
    TaskBook book = importable(bookId, user);
    DecompositionUpload upload = uploads.findById(uploadId).orElseThrow(UploadGone::new);
    requireOwn(upload, bookId, user);
    HospitalDirectory directory = directories.load();
    return new Planned(plan(book, upload.getContent(), directory), directory);
  }

  private ImportPlan plan(TaskBook book, byte[] content) {
    return plan(book, content, directories.load());
  }

  private ImportPlan plan(TaskBook book, byte[] content, HospitalDirectory directory) {
    return checked(book, content, directory).plan();
  }

  private Checked checked(TaskBook book, byte[] content) {
    return checked(book, content, directories.load());
  }

  private Checked checked(TaskBook book, byte[] content, HospitalDirectory directory) {
    DecompositionReader.Result read = DecompositionReader.read(content, headerVariants.byKey());
    if (!read.isReadable() || read.rows().isEmpty()) {
      return new Checked(read, ImportPlan.rejected(read.problems()));
    }
    List<ImportPlanner.ExistingItem> existing =
        workItems.findByTaskBookIdOrderByIdAsc(book.getId()).stream()
            .map(DecompositionImportService::existing)
            .toList();
    ImportPlanner.Book snapshot =
        new ImportPlanner.Book(
            book.getPeriodStart(), book.getPeriodEnd(), goalAreaIds(book), existing);
    LocalDate today = EngineClock.today();
    return new Checked(read, new ImportPlanner(snapshot, directory, today, validator).plan(read));
  }

  private static ImportPlanner.ExistingItem existing(WorkItem item) {
    return new ImportPlanner.ExistingItem(
        item.getSeq(),
        item.getGoalArea().getName(),
        item.getTitle(),
        item.getTargetText(),
        item.getLeadDepartment().getId(),
        item.getCollaborators().stream()
            .map(d -> d.getId())
            .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)),
        item.getLeaderInCharge().getId(),
        item.getDeadline(),
        item.getIndicators().stream().map(DecompositionImportService::indicatorKey).toList());
  }

  static String indicatorKey(org.duban.book.Indicator indicator) {
    return new PlannedIndicator(
            indicator.getName(),
            indicator.getDirection(),
            indicator.getTarget(),
            indicator.getUnit(),
            indicator.getBaseline())
        .key();
  }

  private static Map<String, Long> goalAreaIds(TaskBook book) {
    Map<String, Long> ids = new LinkedHashMap<>();
    for (GoalArea area : book.getGoalAreas()) {
      ids.put(area.getName(), area.getId());
    }
    return ids;
  }

  private TaskBook importable(Long bookId, CurrentUser user) {
    TaskBook book = books.findById(bookId).orElseThrow(NotFound::new);
    if (!book.getIssuer().getUsername().equals(user.getUsername())) {
      throw new AccessDeniedException("only the issuer imports into a task book");
    }
    if (!book.isEditable()) {
      throw new AccessDeniedException("only a draft takes an import");
    }
    return book;
  }

  private static void requireOwn(DecompositionUpload upload, Long bookId, CurrentUser user) {
    if (!upload.getTaskBookId().equals(bookId)
        || !upload.getUploadedBy().equals(user.getUsername())) {
      throw new UploadGone();
    }
  }

  /**
   * The name as the user's browser sent it, without a path (old browsers send one), at most 255.
   */
  static String fileName(String original) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "_").strip();
    if (name.isEmpty()) {
      // a name for the uploader's list of uploads, in the uploader's language
      name = MessageText.of("decomposition.upload.unnamed").in(MessageTexts.readerLocale());
    }
    return name.length() > 255 ? name.substring(name.length() - 255) : name;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
