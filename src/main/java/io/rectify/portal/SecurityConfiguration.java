package io.rectify.portal;

import io.rectify.account.BasicLogins;
import io.rectify.account.Role;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may open what (docs/PORTAL.md): the JSON API for machines with HTTP Basic, stateless and
 * without CSRF (a machine holds no session a forged form could ride on); the pages with a form
 * login, a session that expires, CSRF on every form, and the URL rules by role. The accounts and
 * the password encoder are {@code io.rectify.account}'s beans; Spring Boot publishes the
 * authentication events its lockout counts. The API checks its Basic credentials with
 * {@link BasicLogins}, which remembers a verified password for a few minutes instead of paying
 * bcrypt on every call.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** A page may load only what the portal serves itself, and no other site may frame it. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
    /** Tomcat's session cookie: deleted at logout, so that the next page is not taken for an expired session. */
    private static final String SESSION_COOKIE = "JSESSIONID";
    private static final String UNIT = Role.UNIT.name();
    private static final String SUPERVISOR = Role.SUPERVISOR.name();
    private static final String OFFICE = Role.OFFICE.name();

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiAnswers answers, MultipartConfigElement limits, PortalErrors errors,
                            BasicLogins logins, AuthenticationEventPublisher events) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(logins.manager(events))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.POST, "/api/check", "/api/returns").hasAnyRole(UNIT, OFFICE)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(answers))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .headers(SecurityConfiguration::headers)
                .addFilterAfter(new UploadLimits.OversizeUploads(limits, errors), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, LoginFailures failures, RefusedPages refused,
                              SecurityContextRepository contexts, MultipartConfigElement limits, PortalErrors errors)
            throws Exception {
        http.authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/css/**", "/favicon.ico", "/login", "/error").permitAll()
                        .requestMatchers("/unit", "/unit/**").hasRole(UNIT)
                        .requestMatchers("/group", "/group/**").hasAnyRole(SUPERVISOR, OFFICE)
                        .requestMatchers("/office", "/office/**").hasRole(OFFICE)
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/login").failureHandler(failures).defaultSuccessUrl("/"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?notice=" + SignInPages.LOGGED_OUT)
                        .deleteCookies(SESSION_COOKIE))
                .securityContext(context -> context.securityContextRepository(contexts))
                .sessionManagement(session -> session
                        .sessionFixation(fixation -> fixation.changeSessionId())
                        .invalidSessionUrl("/login?notice=" + SignInPages.EXPIRED))
                .exceptionHandling(refusals -> refusals.accessDeniedHandler(refused))
                .csrf(Customizer.withDefaults())
                .headers(SecurityConfiguration::headers)
                .addFilterBefore(new UploadLimits.OversizeUploads(limits, errors), CsrfFilter.class)
                .addFilterAfter(new ForcedPasswordChange(), AuthorizationFilter.class);
        return http.build();
    }

    /** Where a signed-in page request keeps its login: the session; the password change replaces it there. */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                // written only on a request that came over HTTPS (directly or, behind the proxy, X-Forwarded-Proto)
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000));
    }
}
