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

		public String error(Ui ui, String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

		public boolean canApply() {
			return !creator && history.stream().noneMatch(CreatorApplication::pending)
					&& history.size() < CreatorApplications.MAX_ATTEMPTS;
		}

	}

	public record ReviewPage(List<CreatorApplication> pending, String error) {
	}

}
