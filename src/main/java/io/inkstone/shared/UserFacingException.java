package io.inkstone.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A refusal a person reads: the message is a key of the message bundles
 * ({@code messages*.properties}) with its arguments, resolved in the reader's language by
 * the web layer's error pages and the API's problem details. A key that is not in the
 * bundles (older callers, free text such as a takedown reason) is shown as it is.
 * {@link #getMessage()} gives the English text, for logs and the operators' import
 * reports.
 */
public abstract class UserFacingException extends RuntimeException {

	private static volatile MessageSource messages;

	private final String messageKey;

	private final transient Object[] args;

	protected UserFacingException(String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = args == null ? new Object[0] : args.clone();
	}

	/**
	 * Lets {@link #getMessage()} give English text instead of the key; called once at
	 * start-up.
	 */
	static void resolveWith(MessageSource source) {
		messages = source;
	}

	/** The bundle key (or free text). */
	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.clone();
	}

	@Override
	public String getMessage() {
		MessageSource source = messages;
		if (source == null || messageKey == null) {
			return messageKey;
		}
		return source.getMessage(messageKey, args, messageKey, Locale.ENGLISH);
	}

}
