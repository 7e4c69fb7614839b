package io.inkstone.governance;

import jakarta.validation.constraints.Size;

/**
 * The report form as posted (what is reported travels beside it, as {@code type} and
 * {@code id}); the message of each constraint is a message-bundle key. Which reasons
 * exist and what evidence looks like are {@link Reports#validate(Reports.Filing)}'s
 * rules, which also guard the filing itself.
 */
record ReportFiling(String reason, @Size(max = Reports.MAX_DETAIL, message = "report.error.detail") String detail,
		String evidence) {

	ReportFiling {
		reason = reason == null ? "" : reason;
		detail = detail == null ? "" : detail;
		evidence = evidence == null ? "" : evidence;
	}

	Reports.Filing of(String type, long id) {
		return new Reports.Filing(type, id, reason, detail, evidence);
	}

}
