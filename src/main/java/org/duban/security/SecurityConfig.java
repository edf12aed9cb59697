package org.duban.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.duban.operations.DatabaseFailures;
import org.duban.org.Role;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration
@EnableMethodSecurity
public class SecurityConfig {

  static final String ADMIN = Role.ADMIN.groupId();

  /** Exist only with the demo (DemoWebhookReceiver); elsewhere these answer 404. */
  private static final String DEMO_WEBHOOKS = "/demo/webhooks/{platform:wecom|dingtalk}";

  /**
   * BCrypt only: hashes are written as {@code {bcrypt}...} (as before), and a stored value of any
   * other kind ({@code {noop}}, {@code {sha256}}, no prefix) matches no password, so that a row
   * written around Duban (a script, an old import) cannot hold a plain or weak password that logs
   * in.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    DelegatingPasswordEncoder bcryptOnly =
        new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder()));
    bcryptOnly.setDefaultPasswordEncoderForMatches(new MatchesNothing());
    return bcryptOnly;
  }

  /** For stored values that are no BCrypt hash: nothing matches them. */
  private static final class MatchesNothing implements PasswordEncoder {

    @Override
    public String encode(CharSequence rawPassword) {
      throw new UnsupportedOperationException("passwords are encoded with BCrypt");
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
      return false;
    }
  }

  /**
   * The one password check of the log-in page and the REST API's HTTP Basic: Duban's people and
   * password hashes, with the lock-out after repeated failures in front.
   */
  @Bean
  AuthenticationProvider authenticationProvider(
      UserDetailsService users, PasswordEncoder passwordEncoder, LoginLockouts lockouts) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(passwordEncoder);
    // a database that cannot be reached is an outage page (DatabaseUnavailableFilter), not a wrong
    // password
    return DatabaseFailures.passingThrough(new LockoutAuthenticationProvider(passwords, lockouts));
  }

  /**
   * A failed log-in back to the page: with the minutes left when the name is locked, else an error.
   */
  private static AuthenticationFailureHandler logInFailure() {
    return (request, response, exception) -> {
      String query =
          exception instanceof AccountLockedException locked
              ? "locked=" + locked.minutesLeft()
              : "error";
      response.sendRedirect(request.getContextPath() + "/login?" + query);
    };
  }

  /**
   * The engine's REST API: HTTP Basic, no session, never a Basic challenge, and write calls only
   * with the script header ({@link RestApiGuard}), so that a browser's cached credentials do not
   * open it to a foreign page. Reading is open to everyone logged in, and the engine's
   * authorizations (EngineAuthorizations) decide what each person sees, with the person's own
   * groups only. Everything else is for admins: a decision (completing a task, signing for it,
   * setting its variables, correlating a message) is made on Duban's pages, which write Duban's
   * records and the engine in one transaction; over the REST API the engine alone would move on,
   * and the item would still wait for a claim the process no longer asks for.
   */
  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http, IdentityService identityService)
      throws Exception {
    http.securityMatcher(path("/engine-rest/**"))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.GET)
                    .authenticated()
                    .requestMatchers(HttpMethod.HEAD)
                    .authenticated()
                    .requestMatchers(HttpMethod.OPTIONS)
                    .authenticated()
                    .requestMatchers(RestApiGuard.writeWithoutScriptHeader())
                    .denyAll()
                    .anyRequest()
                    .hasAuthority(ADMIN))
        .httpBasic(basic -> basic.authenticationEntryPoint(RestApiGuard.unauthorized()))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(RestApiGuard.unauthorized())
                    .accessDeniedHandler(RestApiGuard.forbidden()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .addFilterAfter(
            new EngineAuthenticationFilter(identityService, List.of()),
            AnonymousAuthenticationFilter.class);
    return http.build();
  }

  /**
   * Cockpit, Tasklist and Admin: only admins, logged in on Duban's own page (single sign-on through
   * {@link #camundaWebappSingleSignOn()}). The webapps keep their own CSRF protection (Camunda's
   * CsrfPreventionFilter with its XSRF-TOKEN cookie and header), so Spring's is off here.
   */
  @Bean
  @Order(2)
  SecurityFilterChain camundaWebapp(HttpSecurity http) throws Exception {
    http.securityMatcher(path("/camunda/**"))
        .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(ADMIN))
        .formLogin(form -> form.loginPage("/login"))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /**
   * Camunda's container-based authentication: for each webapp page and API call it takes the person
   * Spring Security authenticated (see {@link SpringSecurityCamundaAuthenticationProvider}) into
   * the webapps' session, so there is no second log-in. Runs right after Spring Security's filter,
   * and before the webapps' own filters (they are mapped after all registration beans).
   */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("Duban single sign-on for the Camunda webapps");
    registration.addUrlPatterns("/camunda/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SpringSecurityCamundaAuthenticationProvider.class.getName());
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /**
   * Matches the path within the application. A plain pattern string would become a Spring MVC
   * matcher, which looks at the path within the servlet: the engine's REST API and the webapps'
   * APIs are Jersey servlets of their own, so their requests would slip past these chains into the
   * pages' chain, where any logged-in person may call them.
   */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher demoWebhooks() {
    return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, DEMO_WEBHOOKS);
  }

  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http, IdentityService identityService) throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login", "/css/**", "/js/**", "/vendor/**", "/favicon.ico", "/error")
                    .permitAll()
                    // the demo's stand-in for WeCom's and DingTalk's servers: robots post without a
                    // session
                    .requestMatchers(demoWebhooks())
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasAuthority(ADMIN)
                    .anyRequest()
                    .authenticated())
        .csrf(csrf -> csrf.ignoringRequestMatchers(demoWebhooks()))
        .formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(logInFailure())
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'"))
                    // addresses carry item and task ids; other sites need not learn them from a
                    // link
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        // Duban's pages check rights themselves; in the engine they act with the internal group
        .addFilterAfter(
            new EngineAuthenticationFilter(
                identityService, List.of(EngineAuthorizations.DUBAN_APP_GROUP)),
            AnonymousAuthenticationFilter.class);
    return http.build();
  }
}
