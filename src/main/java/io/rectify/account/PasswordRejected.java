package io.rectify.account;

/** A password change refused: {@link #getMessage()} says why, in Chinese, for the page to show as it is. */
public class PasswordRejected extends RuntimeException {

    public PasswordRejected(String message) {
        super(message);
    }
}
