package org.hearth.gateway.store;

/** A store operation failed; the operation had no effect (its transaction was rolled back). */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String operation, Throwable cause) {
        super("store: cannot " + operation, cause);
    }
}
