package io.inkstone.governance;

/**
 * The affected account's appeal as posted. What an appeal must say is
 * {@link AppealRules#checkAppeal}'s rule (it also refuses a second appeal), so the
 * controller ties that refusal to the field.
 */
record AppealForm(String text) {

	AppealForm {
		text = text == null ? "" : text;
	}

}
