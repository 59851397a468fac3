package io.rectify.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in account as the portal's controllers receive it ({@code @AuthenticationPrincipal PortalUser user}).
 *
 * @param username           a unit's code, a group's name, or the office administrator's name
 * @param passwordHash       Spring Security's encoded password
 * @param scope              the unit code of a {@link Role#UNIT}, the group name of a {@link Role#SUPERVISOR}; null for the office
 * @param mustChangePassword the initial password is still in use: every page but the password change is refused
 * @param lockedUntil        refused until then after repeated failed logins; null when not locked
 */
public record PortalUser(String username, String passwordHash, Role role, String scope, boolean mustChangePassword,
                         Instant lockedUntil, boolean enabled) implements UserDetails {

    /** The unit code of a unit's account; null for the others. */
    public String unitCode() {
        return role == Role.UNIT ? scope : null;
    }

    /** The group name of a supervisor's account; null for the others. */
    public String group() {
        return role == Role.SUPERVISOR ? scope : null;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
