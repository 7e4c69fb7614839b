package io.inkstone.support;

import java.nio.charset.StandardCharsets;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The real message bundles as the application configures them ({@code spring.messages}:
 * basename {@code messages}, UTF-8, no fallback to the system's locale), for fast tests
 * that check a text read from them.
 */
public final class Bundles {

	private Bundles() {
	}

	public static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
