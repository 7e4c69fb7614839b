package io.inkstone.creators;

import java.util.List;
import java.util.Map;

import io.inkstone.channels.Channel;
import io.inkstone.web.Ui;

/** Page models of the 申请入驻 and application-review pages. */
public final class CreatorPages {

	private CreatorPages() {
	}

	public record JoinPage(List<Channel> channels, CreatorApplications.Form form, Map<String, String> errors,
			List<CreatorApplication> history, boolean creator) {

		/**
		 * The problem with a field: a bundle key, or a refusal already in the reader's
		 * language (a refused avatar, whose message names its limit), shown as it is.
		 */
		public String error(Ui ui, String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

		/** The account types in the order the form offers them. */
		public List<String> accountTypes() {
			return CreatorApplications.ACCOUNT_TYPES;
		}

		public boolean canApply() {
			return !creator && history.stream().noneMatch(CreatorApplication::pending)
					&& history.size() < CreatorApplications.MAX_ATTEMPTS;
		}

	}

	/**
	 * {@code done}: the application just decided, as stored, for the confirmation;
	 * {@code now} for the waiting times.
	 */
	public record ReviewPage(List<CreatorApplication> pending, String error, CreatorApplication done, long now,
			Map<String, String> channelNames, Refused refused) {

		/** The reason field of one application's row: as posted when it was refused. */
		public String reason(long applicationId) {
			return refused != null && refused.application() == applicationId ? refused.reason() : "";
		}

		/** The error of one application's reason field, or null. */
		public String reasonError(long applicationId) {
			return refused != null && refused.application() == applicationId ? error : null;
		}

		/** The channel's name as readers see it, or its slug when it is gone. */
		public String channel(String slug) {
			return channelNames.getOrDefault(slug, slug);
		}

		/**
		 * How long an application has waited: minutes under an hour, hours under two
		 * days, then days (as the report queue says it).
		 */
		public String waited(Ui ui, long since) {
			return ui.waited(now, since);
		}

	}

	/** A refused rejection: which application, and the reason as posted. */
	public record Refused(long application, String reason) {
	}

}
