package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.duban.decomposition.HospitalDirectory.Match;
import org.duban.org.Department;
import org.duban.org.DepartmentKind;
import org.duban.org.NameKey;
import org.duban.org.Person;
import org.duban.org.Role;
import org.junit.jupiter.api.Test;

/**
 * Names as hospitals write them (issue 15): departments by other names an admin keeps, leaders by
 * title/职务 or other name, brackets and spaces of either width alike; only a unique fit is taken and
 * an ambiguous one names its candidates.
 */
class HospitalDirectoryNamesTest {

  private final Department medical = department(1L, "医务部", "医务");
  private final Department office = department(2L, "党委办公室", "党办");
  private final Department hr = department(3L, "人力资源部", null);
  private final Department it = department(4L, "信息中心", "信息");
  private final Department itSecurity = department(5L, "网络安全与信息化办公室", "信息");
  private final Department leaders = department(9L, "院领导", null);

  private final Person secretary = person(11L, "王建国", "党委书记", leaders, Role.LEADER);
  private final Person president = person(12L, "李明华", "院长", leaders, Role.LEADER);
  private final Person clinicalVice = person(13L, "陈志强", "副院长（业务）", leaders, Role.LEADER);
  private final Person logisticsVice = person(14L, "赵卫东", "副院长(后勤)", leaders, Role.LEADER);

  /** A department head whose title is 院长 too (院长 of the hospital's branch), but no leader. */
  private final Person branchHead = person(21L, "孙丽", "院长", medical, Role.DEPT_HEAD);

  private final HospitalDirectory directory =
      new HospitalDirectory(
          List.of(medical, office, hr, it, itSecurity, leaders),
          List.of(secretary, president, clinicalVice, logisticsVice, branchHead),
          Map.of(
              NameKey.of("医务科"),
              1L,
              NameKey.of("党政综合办"),
              2L,
              NameKey.of("组织人事科"),
              3L,
              NameKey.of("信息科"),
              4L),
          Map.of(NameKey.of("业务副院长"), 13L, NameKey.of("孙院长"), 21L));

  @Test
  void aDepartmentIsFoundByAnyOfItsOtherNames() {
    assertThat(directory.department("医务科")).isEqualTo(new Match.Found<>(medical));
    assertThat(directory.department("党政综合办")).isEqualTo(new Match.Found<>(office));
    assertThat(directory.department(" 组织 人事科 ")).isEqualTo(new Match.Found<>(hr));
  }

  @Test
  void anOtherNameSettlesAShortNameSeveralDepartmentsShare() {
    // 信息 is short for two departments; 信息科 is the other name an admin gave 信息中心
    assertThat(directory.department("信息"))
        .isEqualTo(new Match.Ambiguous<Department>(List.of("信息中心", "网络安全与信息化办公室")));
    assertThat(directory.department("信息科")).isEqualTo(new Match.Found<>(it));
  }

  @Test
  void anOtherNameOfADepartmentNoLongerInUseNamesNothing() {
    Department closed =
        new Department("old", "老干部科", null, DepartmentKind.FUNCTIONAL) {
          @Override
          public Long getId() {
            return 7L;
          }

          @Override
          public boolean isActive() {
            return false;
          }
        };
    HospitalDirectory withClosed =
        new HospitalDirectory(
            List.of(medical, closed), List.of(), Map.of(NameKey.of("离退休办"), 7L), Map.of());

    assertThat(withClosed.department("离退休办")).isInstanceOf(Match.Unknown.class);
  }

  @Test
  void aLeaderIsFoundByTitle() {
    assertThat(directory.leader("党委书记")).isEqualTo(new Match.Found<>(secretary));
  }

  @Test
  void fullWidthAndHalfWidthBracketsAndSpacesAreAlike() {
    assertThat(directory.leader("副院长（业务）")).isEqualTo(new Match.Found<>(clinicalVice));
    assertThat(directory.leader("副院长(业务)")).isEqualTo(new Match.Found<>(clinicalVice));
    assertThat(directory.leader("副院长 （ 业务 ）")).isEqualTo(new Match.Found<>(clinicalVice));
    assertThat(directory.leader("副院长（后勤）")).isEqualTo(new Match.Found<>(logisticsVice));
    assertThat(directory.leader("副院长〔后勤〕")).isEqualTo(new Match.Found<>(logisticsVice));
  }

  @Test
  void aLeaderIsFoundByAnOtherName() {
    assertThat(directory.leader("业务副院长")).isEqualTo(new Match.Found<>(clinicalVice));
  }

  @Test
  void aTitleSeveralLeadersHoldIsAmbiguousAndNamesThem() {
    Person secondVice = person(15L, "周敏", "副院长", leaders, Role.LEADER);
    Person thirdVice = person(16L, "吴刚", "副院长", leaders, Role.LEADER);
    HospitalDirectory twoVices =
        new HospitalDirectory(List.of(leaders), List.of(secretary, secondVice, thirdVice));

    assertThat(twoVices.leader("副院长"))
        .isEqualTo(new Match.Ambiguous<Person>(List.of("周敏（副院长）", "吴刚（副院长）")));
  }

  @Test
  void aNonLeaderWithTheSameTitleIsNotTakenForTheLeader() {
    // 孙丽 (a department head) and 李明华 (the hospital's 院长) both have the title 院长
    assertThat(directory.leader("院长")).isEqualTo(new Match.Found<>(president));

    // and without the leader, the title is a person who is no leader, not a guess
    HospitalDirectory withoutPresident =
        new HospitalDirectory(List.of(medical, leaders), List.of(secretary, branchHead));
    assertThat(withoutPresident.leader("院长")).isInstanceOf(Match.NotLeader.class);
  }

  @Test
  void anOtherNameOfSomeoneWhoIsNoLeaderIsNoLeaderInCharge() {
    assertThat(directory.leader("孙院长")).isInstanceOf(Match.NotLeader.class);
  }

  @Test
  void aNameWinsOverAnotherLeadersTitle() {
    // a leader whose name is what another's title says (rare, but the name is the more exact)
    Person namedPresident = person(17L, "院长", "副院长", leaders, Role.LEADER);
    HospitalDirectory both =
        new HospitalDirectory(List.of(leaders), List.of(president, namedPresident));

    assertThat(both.leader("院长")).isEqualTo(new Match.Found<>(namedPresident));
  }

  @Test
  void twoLeadersOfOneNameAreSettledByAnOtherName() {
    Person otherWang = person(18L, "王建国", "副院长", leaders, Role.LEADER);
    HospitalDirectory twoWangs =
        new HospitalDirectory(
            List.of(leaders),
            List.of(secretary, otherWang),
            Map.of(),
            Map.of(NameKey.of("王建国"), 11L));
    HospitalDirectory withoutAlias =
        new HospitalDirectory(List.of(leaders), List.of(secretary, otherWang));

    assertThat(withoutAlias.leader("王建国")).isInstanceOf(Match.Ambiguous.class);
    assertThat(twoWangs.leader("王建国")).isEqualTo(new Match.Found<>(secretary));
  }

  @Test
  void unknownNamesStayUnknown() {
    assertThat(directory.department("后勤保障科")).isInstanceOf(Match.Unknown.class);
    assertThat(directory.leader("工会主席")).isInstanceOf(Match.Unknown.class);
  }

  private static Department department(Long id, String name, String shortName) {
    return new Department("d" + id, name, shortName, DepartmentKind.FUNCTIONAL) {
      @Override
      public Long getId() {
        return id;
      }
    };
  }

  private static Person person(
      Long id, String name, String title, Department department, Role role) {
    return new Person("p" + id, name, title, "x", department, EnumSet.of(role)) {
      @Override
      public Long getId() {
        return id;
      }
    };
  }
}
