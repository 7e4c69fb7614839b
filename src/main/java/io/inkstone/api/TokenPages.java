package io.inkstone.api;

import java.util.List;

import io.inkstone.web.Ui;
import java.util.Map;

/** Page models of {@code /studio/tokens} and {@code /studio/webhooks}. */
public final class TokenPages {

	private TokenPages() {
	}

	/**
	 * @param secret the secret of the token just created, shown once, or null
	 * @param errorField the form field the error is about ({@code name}, {@code scope} or
	 * {@code expires}), or null
	 * @param error a message key (or message) for that field, or null
	 */
	public record Tokens(List<ApiToken> tokens, String secret, String errorField, String error, String name, long now) {

		/** The error of one field, or null. */
		public String error(Ui ui, String field) {
			return error != null && field.equals(errorField) ? ui.t(error) : null;
		}

	}

	/**
	 * @param created the hook just registered, shown once with its secret, or null
	 * @param errors field → message key
	 * @param log the chosen hook's latest deliveries (empty when none is chosen)
	 */
	public record Hooks(List<Webhook> hooks, Webhook created, Map<String, String> errors, String url, boolean admin,
			boolean creator, Webhook shown, List<WebhookDelivery> log) {

		public String error(Ui ui, String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

		/**
		 * A delivery's last error as the log shows it: a refused target or a deleted hook
		 * in the reader's language (the sender records a message key), anything else (a
		 * network error) as recorded.
		 */
		public String deliveryError(Ui ui, WebhookDelivery delivery) {
			String error = delivery.lastError();
			if (error == null) {
				return null;
			}
			if (error.startsWith(REFUSED)) {
				String reason = error.substring(REFUSED.length()).strip();
				return ui.t("webhooks.log.refused", reason.startsWith("webhooks.") ? ui.t(reason) : reason);
			}
			if (error.startsWith("webhooks.")) {
				return ui.t(error);
			}
			if (error.equals("webhook deleted")) {
				return ui.t("webhooks.log.deleted");
			}
			return error;
		}

		private static final String REFUSED = "target refused:";

	}

}
