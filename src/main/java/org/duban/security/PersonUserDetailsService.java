package org.duban.security;

import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PersonUserDetailsService implements UserDetailsService {

  private final PersonRepository people;

  PersonUserDetailsService(PersonRepository people) {
    this.people = people;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    return people
        .findByUsername(username)
        // a deactivated person (issue 5: left the hospital) cannot log in at all
        .filter(Person::isActive)
        .map(CurrentUser::new)
        .orElseThrow(() -> new UsernameNotFoundException(username));
  }
}
