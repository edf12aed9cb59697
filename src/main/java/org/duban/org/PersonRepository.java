package org.duban.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PersonRepository extends JpaRepository<Person, Long> {

  Optional<Person> findByUsername(String username);

  boolean existsByUsernameIgnoreCase(String username);

  /** Whether the person may act: empty for an unknown username. */
  @Query("select p.active from Person p where p.username = :username")
  Optional<Boolean> isActive(String username);

  @Query("select r from Person p join p.roles r where p.username = :username")
  List<Role> rolesOf(String username);

  @Query("select d.code from Person p join p.department d where p.username = :username")
  Optional<String> departmentCodeOf(String username);

  long countByDepartmentIdAndActiveTrue(Long departmentId);

  List<Person> findByDepartmentIdAndActiveTrueOrderByIdAsc(Long departmentId);

  @Query("select p from Person p join p.roles r where r = :role and p.active = true order by p.id")
  List<Person> findActiveByRole(Role role);

  List<Person> findByDemoAccountTrue();

  List<Person> findByUsernameIn(java.util.Collection<String> usernames);

  /**
   * Active admins who are not demo accounts: those who can still run the hospital with the demo
   * off.
   */
  @Query(
      "select count(p) from Person p join p.roles r where r = :role and p.active = true and p.demoAccount = false")
  long countActiveRealByRole(Role role);
}
