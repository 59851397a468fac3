package io.rectify.ops;

/** A command line that cannot be run as given; the CLI answers it with exit status 2. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
