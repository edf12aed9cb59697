package org.duban.org;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@Entity
public class Department {

  /** Prefix of the Camunda group that holds a department's members. */
  public static final String GROUP_PREFIX = "dept_";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String code;
  private String name;
  private String shortName;

  @Enumerated(EnumType.STRING)
  private DepartmentKind kind;

  private boolean active = true;

  /** The named head (科室负责人); null until one is named. */
  @Column(name = "head_person_id")
  private Long headPersonId;

  /** The deputies (副职), who stand in for the head. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "department_deputy", joinColumns = @JoinColumn(name = "department_id"))
  @Column(name = "person_id")
  private Set<Long> deputyIds = new TreeSet<>();

  protected Department() {}

  public Department(String code, String name, String shortName, DepartmentKind kind) {
    this.code = code;
    this.name = name;
    this.shortName = shortName;
    this.kind = kind;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getShortName() {
    return shortName;
  }

  public DepartmentKind getKind() {
    return kind;
  }

  public boolean isActive() {
    return active;
  }

  /** The Camunda group id of this department's members. */
  public String groupId() {
    return GROUP_PREFIX + code;
  }

  public Long getHeadPersonId() {
    return headPersonId;
  }

  /** Whether a head or a deputy is named (else the DEPT_HEAD members lead, as before V10). */
  public boolean hasNamedLeaders() {
    return headPersonId != null || !deputyIds.isEmpty();
  }

  /** The deputies' person ids, lowest first. */
  public List<Long> getDeputyIds() {
    return List.copyOf(new TreeSet<>(deputyIds));
  }

  /**
   * Whether the person leads this department: its named head or a deputy; while none is named, any
   * active member with the DEPT_HEAD role (as before heads were named).
   */
  public boolean isLedBy(Person person) {
    if (person == null || !person.isActive() || person.getId() == null) {
      return false;
    }
    if (hasNamedLeaders()) {
      return person.getId().equals(headPersonId) || deputyIds.contains(person.getId());
    }
    return person.has(Role.DEPT_HEAD)
        && person.getDepartment() != null
        && id.equals(person.getDepartment().getId());
  }

  public void update(String name, String shortName, DepartmentKind kind) {
    this.name = name;
    this.shortName = shortName;
    this.kind = kind;
  }

  public void deactivate() {
    this.active = false;
    this.headPersonId = null;
    this.deputyIds.clear();
  }

  /** In use again; its head and deputies are named anew (deactivation cleared them). */
  public void reactivate() {
    this.active = true;
  }

  /** Names the head and deputies; the head is never also a deputy. */
  public void lead(Long headPersonId, Collection<Long> deputyIds) {
    this.headPersonId = headPersonId;
    this.deputyIds.clear();
    deputyIds.stream().filter(id -> !id.equals(headPersonId)).forEach(this.deputyIds::add);
  }

  /** Takes the person off the head's and deputies' places; whether they held one. */
  public boolean removeFromLead(Long personId) {
    boolean held = deputyIds.remove(personId);
    if (personId.equals(headPersonId)) {
      headPersonId = null;
      held = true;
    }
    return held;
  }
}
