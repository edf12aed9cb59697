package org.duban.book;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.duban.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rolls progress and lights up the hierarchy of books: a term item is as far as the annual items
 * that break it down, an annual item as far as its department items. Computed on read, so it is
 * never out of step with the items.
 */
@Service
public class RollUp {

  /** Deeper trees than term → annual → leader → department are not meant; stop runaway data. */
  private static final int MAX_DEPTH = 6;

  private final WorkItemRepository workItems;
  private final ItemAccess access;

  RollUp(WorkItemRepository workItems, ItemAccess access) {
    this.workItems = workItems;
    this.access = access;
  }

  /**
   * The visible items of a book, each with its rolled-up subtree. The items below (in the books one
   * level down) roll up into the numbers whoever leads them, but are listed only where the viewer
   * may see them: another department's breakdown is its own business.
   */
  @Transactional(readOnly = true)
  public List<ItemNode> treeOfBook(Long bookId, CurrentUser user) {
    Predicate<WorkItem> visible = item -> access.maySeeInBook(item, user);
    List<ItemNode> nodes = new ArrayList<>();
    for (WorkItem item : workItems.findByTaskBookIdOrderByIdAsc(bookId)) {
      if (visible.test(item)) {
        nodes.add(node(item, 0, visible));
      }
    }
    return nodes;
  }

  @Transactional(readOnly = true)
  public ItemNode treeOfItem(Long itemId) {
    return node(workItems.findById(itemId).orElseThrow(), 0, item -> true);
  }

  /** A book's progress and light: the mean and the worst of its items' rolled-up values. */
  public static ItemNode summarise(List<ItemNode> items) {
    List<ItemNode> counted = items.stream().filter(RollUp::counts).toList();
    int progress =
        (int) Math.round(counted.stream().mapToInt(ItemNode::progress).average().orElse(0));
    Light light = counted.stream().map(ItemNode::light).reduce(null, RollUp::worse);
    return new ItemNode(null, progress, light, items);
  }

  private ItemNode node(WorkItem item, int depth, Predicate<WorkItem> listed) {
    List<ItemNode> children = new ArrayList<>();
    List<ItemNode> listedChildren = new ArrayList<>();
    if (depth < MAX_DEPTH) {
      for (WorkItem child : workItems.findByParentItemIdOrderByIdAsc(item.getId())) {
        ItemNode node = node(child, depth + 1, listed);
        if (counts(node)) {
          children.add(node);
        }
        if (listed.test(child)) {
          listedChildren.add(node);
        }
      }
    }
    int progress =
        children.isEmpty()
            ? item.getPercentDone()
            : (int) Math.round(children.stream().mapToInt(ItemNode::progress).average().orElse(0));
    if (item.getStage() == ItemStage.CLOSED) {
      progress = 100;
    }
    Light light = item.getLight();
    for (ItemNode child : children) {
      light = worse(light, child.light());
    }
    return new ItemNode(ItemSummary.of(item), progress, light, listedChildren);
  }

  /** A cancelled (撤销) item is still listed, but its progress and light no longer roll up. */
  private static boolean counts(ItemNode node) {
    return node.item() == null || node.item().stage() != ItemStage.CANCELLED;
  }

  static Light worse(Light a, Light b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
