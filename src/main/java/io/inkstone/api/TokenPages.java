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
	 * @param errors field ({@code name}, {@code scope} or {@code expires}) → message key
	 * @param name the name as posted
	 * @param scope the scope as posted
	 * @param expires the days until expiry as posted, empty for never
	 */
	public record Tokens(List<ApiToken> tokens, String secret, Map<String, String> errors, String name, String scope,
			String expires, long now) {

		/** The error of one field, or null. */
		public String error(Ui ui, String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

	}

	/**
	 * @param created the hook just registered, shown once with its secret, or null
	 * @param errors field → message key
	 * @param url the address as posted
	 * @param events the events ticked on a refused form, null for all (a new form)
	 * @param site whether the site-wide box is ticked
	 * @param log the chosen hook's latest deliveries (empty when none is chosen)
	 */
	public record Hooks(List<Webhook> hooks, Webhook created, Map<String, String> errors, String url,
			List<String> events, boolean site, boolean admin, boolean creator, Webhook shown,
			List<WebhookDelivery> log) {

		/**
		 * Whether an event's box is ticked: every one until a refused form says
		 * otherwise.
		 */
		public boolean chosen(String event) {
			return events == null || events.contains(event);
		}

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
