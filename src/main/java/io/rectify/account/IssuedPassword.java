package io.rectify.account;

/**
 * An initial password just given to an account, to be handed out once (账号.xlsx) and never stored.
 *
 * @param holder who receives it: the unit's name, the group's name, or 整改办
 */
public record IssuedPassword(String username, String password, Role role, String holder) {
}
