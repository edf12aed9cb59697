package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.duban.decomposition.HospitalDirectory.Match;
import org.duban.org.Department;
import org.duban.org.DepartmentKind;
import org.duban.org.Person;
import org.duban.org.Role;
import org.junit.jupiter.api.Test;

class HospitalDirectoryTest {

  private final Department medical =
      new Department("medical", "医务部", "医务", DepartmentKind.FUNCTIONAL);
  private final Department nursing =
      new Department("nursing", "护理部", "护理", DepartmentKind.FUNCTIONAL);
  private final Department it = new Department("it", "信息中心", "信息", DepartmentKind.FUNCTIONAL);
  private final Department itSecurity =
      new Department("itsec", "网络安全与信息化办公室", "信息", DepartmentKind.FUNCTIONAL);
  private final Department leaders =
      new Department("leaders", "院领导", null, DepartmentKind.LEADERSHIP);

  private final Person wang = person("shuji", "王建国", Role.LEADER);
  private final Person chen = person("fuyuanzhang", "陈志强", Role.LEADER);
  private final Person sun = new Person("yiwu01", "孙丽", "干事", "x", medical, EnumSet.of(Role.STAFF));

  private final HospitalDirectory directory =
      new HospitalDirectory(
          List.of(medical, nursing, it, itSecurity, leaders), List.of(wang, chen, sun));

  private Person person(String username, String name, Role role) {
    return new Person(username, name, null, "x", leaders, EnumSet.of(role));
  }

  @Test
  void aDepartmentIsFoundByItsFullName() {
    assertThat(directory.department("护理部")).isEqualTo(new Match.Found<>(nursing));
  }

  @Test
  void aDepartmentIsFoundByItsShortName() {
    assertThat(directory.department("医务")).isEqualTo(new Match.Found<>(medical));
  }

  @Test
  void spacesInsideAndAroundANameDoNotCount() {
    // tables align names with ordinary and ideographic spaces
    assertThat(directory.department(" 护 理\u3000部 ")).isEqualTo(new Match.Found<>(nursing));
    assertThat(directory.leader("王  建国")).isEqualTo(new Match.Found<>(wang));
  }

  @Test
  void theFullNameWinsOverAnotherDepartmentsShortName() {
    // Given 信息中心, and 网络信息科 which is also called 信息中心 for short
    Department network = new Department("net", "网络信息科", "信息中心", DepartmentKind.FUNCTIONAL);
    HospitalDirectory withNetwork = new HospitalDirectory(List.of(network, it), List.of());

    // Then 信息中心 is the department of that name
    assertThat(withNetwork.department("信息中心")).isEqualTo(new Match.Found<>(it));
    assertThat(withNetwork.department("网络信息科")).isEqualTo(new Match.Found<>(network));
  }

  @Test
  void aShortNameOfSeveralDepartmentsIsAmbiguousAndNamesThem() {
    // Given 信息中心 and 网络安全与信息化办公室 both shortened to 信息
    Match<Department> match = directory.department("信息");

    // Then the user is told which departments fit
    assertThat(match).isEqualTo(new Match.Ambiguous<Department>(List.of("信息中心", "网络安全与信息化办公室")));
  }

  @Test
  void anUnknownOrBlankDepartmentIsNotFound() {
    assertThat(directory.department("财务部")).isInstanceOf(Match.Unknown.class);
    assertThat(directory.department("医务部门")).isInstanceOf(Match.Unknown.class);
    assertThat(directory.department("  ")).isInstanceOf(Match.Unknown.class);
  }

  @Test
  void anInactiveDepartmentIsNotFound() {
    Department closed =
        new Department("old", "老干部科", null, DepartmentKind.FUNCTIONAL) {
          @Override
          public boolean isActive() {
            return false;
          }
        };
    HospitalDirectory withClosed = new HospitalDirectory(List.of(medical, closed), List.of());

    assertThat(withClosed.department("老干部科")).isInstanceOf(Match.Unknown.class);
  }

  @Test
  void aLeaderIsFoundByFullName() {
    assertThat(directory.leader("陈志强")).isEqualTo(new Match.Found<>(chen));
  }

  @Test
  void aPersonWhoIsNoLeaderIsNotTakenAsLeaderInCharge() {
    assertThat(directory.leader("孙丽")).isInstanceOf(Match.NotLeader.class);
  }

  @Test
  void nobodyByThatNameIsUnknown() {
    assertThat(directory.leader("张三")).isInstanceOf(Match.Unknown.class);
    assertThat(directory.leader("")).isInstanceOf(Match.Unknown.class);
  }

  @Test
  void twoLeadersOfTheSameNameAreAmbiguous() {
    Person otherWang = new Person("wang2", "王建国", null, "x", medical, EnumSet.of(Role.LEADER));
    HospitalDirectory twoWangs =
        new HospitalDirectory(List.of(medical, leaders), List.of(wang, otherWang));

    Match<Person> match = twoWangs.leader("王建国");

    assertThat(match).isEqualTo(new Match.Ambiguous<Person>(List.of("王建国（院领导）", "王建国（医务部）")));
  }

  @Test
  void aLeaderAndANonLeaderOfTheSameNameResolveToTheLeader() {
    Person staffWang = new Person("wang3", "王建国", null, "x", medical, EnumSet.of(Role.STAFF));
    HospitalDirectory both =
        new HospitalDirectory(List.of(medical, leaders), List.of(staffWang, wang));

    assertThat(both.leader("王建国")).isEqualTo(new Match.Found<>(wang));
  }

  @Test
  void anInactiveLeaderIsUnknown() {
    Person retired =
        new Person("old", "李老", null, "x", leaders, EnumSet.of(Role.LEADER)) {
          @Override
          public boolean isActive() {
            return false;
          }
        };
    assertThat(new HospitalDirectory(List.of(leaders), List.of(retired)).leader("李老"))
        .isInstanceOf(Match.Unknown.class);
  }
}
