package io.inkstone.governance;

import jakarta.validation.constraints.Size;

/**
 * A rights holder's notice as posted (the article travels beside it); the message of each
 * constraint is a message-bundle key. What the notice must hold (a name, a mail address,
 * the original work, the good-faith statement) is
 * {@link Reports#validate(Reports.CopyrightNotice)}'s rule, which also guards the filing.
 */
record CopyrightNoticeForm(@Size(max = 100, message = "copyright.error.name") String claimantName,
		@Size(max = 200, message = "copyright.error.contact") String claimantContact,
		@Size(max = 500, message = "copyright.error.work") String originalWork,
		@Size(max = Reports.MAX_DETAIL, message = "report.error.detail") String detail, String goodFaith) {

	CopyrightNoticeForm {
		claimantName = claimantName == null ? "" : claimantName;
		claimantContact = claimantContact == null ? "" : claimantContact;
		originalWork = originalWork == null ? "" : originalWork;
		detail = detail == null ? "" : detail;
	}

	Reports.CopyrightNotice of(long articleId) {
		return new Reports.CopyrightNotice(articleId, claimantName, claimantContact, originalWork, detail,
				goodFaith != null);
	}

}
