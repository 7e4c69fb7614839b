package io.inkstone.shared;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Gives {@link UserFacingException#getMessage()} the message bundles, so logs and reports
 * read as text.
 */
@Component
class UserFacingMessages {

	UserFacingMessages(MessageSource messages) {
		UserFacingException.resolveWith(messages);
	}

}
