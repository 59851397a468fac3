package io.rectify.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic for the JSON API without a bcrypt verification on every call (docs/PORTAL.md): a
 * successful verification is remembered for {@link #REMEMBERED} by username and a SHA-256 of the
 * presented password with a random salt of this process (the password itself is never kept). A
 * remembered one is taken only while the account, read afresh on every call, still has the password
 * hash, and the lock, it had when verified: a changed or reset password, or a lock, drops it. A wrong
 * password is never remembered; it is verified and counted towards the lockout as at a page's login.
 * A remembered call is a {@link Remembered} login, which {@link LoginAttempts} does not audit again.
 * Not an {@code AuthenticationProvider} bean (Spring Security would then use it for the login page
 * too): the API's filter chain takes its {@link #manager}.
 */
@Component
public class BasicLogins {

    static final Duration REMEMBERED = Duration.ofMinutes(5);

    private final UserDetailsService accounts;
    private final DaoAuthenticationProvider verifier;
    private final Clock clock;
    private final byte[] salt = new SecureRandom().generateSeed(32);
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    BasicLogins(UserDetailsService accounts, PasswordEncoder encoder, ObjectProvider<Clock> clock) {
        this.accounts = accounts;
        this.verifier = new DaoAuthenticationProvider(accounts);
        this.verifier.setPasswordEncoder(encoder);
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** A login taken from a verification remembered within {@link #REMEMBERED}: the same account, no new LOGIN. */
    public static final class Remembered extends UsernamePasswordAuthenticationToken {

        Remembered(PortalUser user, Object details) {
            super(user, null, user.getAuthorities());
            setDetails(details);
        }
    }

    private record Verified(byte[] digest, String passwordHash, Instant lockedUntil, Instant until) {
    }

    /** The API's authentication: this, announcing each login's outcome to {@code events} as the login page's does. */
    public AuthenticationManager manager(AuthenticationEventPublisher events) {
        ProviderManager manager = new ProviderManager(new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication login) {
                return BasicLogins.this.authenticate(login);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        });
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    private UserDetails known(String username) {
        try {
            return accounts.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    private Authentication authenticate(Authentication login) {
        String presented = login.getCredentials() == null ? "" : login.getCredentials().toString();
        if (known(login.getName()) instanceof PortalUser user) {
            Verified seen = verified.get(user.getUsername());
            if (seen != null && taken(seen, user, digest(user.getUsername(), presented))) {
                return new Remembered(user, login.getDetails());
            }
            verified.remove(user.getUsername());
        }
        Authentication verifiedLogin = verifier.authenticate(login);
        if (verifiedLogin.getPrincipal() instanceof PortalUser user) {
            verified.put(user.getUsername(), new Verified(digest(user.getUsername(), presented), user.getPassword(),
                    user.lockedUntil(), clock.instant().plus(REMEMBERED)));
        }
        return verifiedLogin;
    }

    private boolean taken(Verified seen, PortalUser user, byte[] presented) {
        return clock.instant().isBefore(seen.until()) && user.isEnabled() && user.isAccountNonLocked()
                && seen.passwordHash().equals(user.getPassword()) && Objects.equals(seen.lockedUntil(), user.lockedUntil())
                && MessageDigest.isEqual(seen.digest(), presented);
    }

    private byte[] digest(String username, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(username.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return sha256.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
