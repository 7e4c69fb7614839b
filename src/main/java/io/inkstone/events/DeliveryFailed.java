package io.inkstone.events;

/**
 * Thrown by a listener whose delivery failed for a reason it has already logged (one
 * line): the publication stays incomplete and is retried, and no stack trace is written
 * for it on every attempt.
 */
public class DeliveryFailed extends RuntimeException {

	public DeliveryFailed(String message) {
		super(message, null, false, false);
	}

}
