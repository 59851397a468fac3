package io.rectify.portal.unit;

import org.springframework.http.HttpStatus;

/**
 * An upload not checked at all: nothing sent or a bad period (400), another unit's file or a role that may
 * not upload (403), no ledger imported yet (503).
 */
final class UploadRefused extends RuntimeException {

    private final HttpStatus status;

    UploadRefused(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
