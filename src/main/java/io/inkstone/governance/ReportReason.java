package io.inkstone.governance;

import java.util.Arrays;
import java.util.Optional;

/**
 * The report categories readers choose from; the message key is
 * {@code report.reason.<code>}.
 */
public enum ReportReason {

	RUMOUR("rumour"), INFRINGEMENT("infringement"), FALSE_ORIGINAL("false-original"), UNLABELED_AI("unlabeled-ai"),
	PORN("porn"), VIOLENCE("violence"), FRAUD("fraud"), PERSONAL_INFO("personal-info"), OTHER("other");

	private final String code;

	ReportReason(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<ReportReason> parse(String code) {
		return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
	}

}
