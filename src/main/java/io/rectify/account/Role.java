package io.rectify.account;

/**
 * Who an account belongs to, and so what it may see in the portal (docs/PORTAL.md): a unit its own
 * unit, a supervision group the units it chases, the office everything.
 */
public enum Role {

    UNIT("单位"),
    SUPERVISOR("督查组"),
    OFFICE("整改办");

    private final String word;

    Role(String word) {
        this.word = word;
    }

    /** The role as 账号.xlsx and the pages name it. */
    public String word() {
        return word;
    }

    /** The Spring Security authority of the role, as {@code hasRole(name())} expects it. */
    public String authority() {
        return "ROLE_" + name();
    }
}
