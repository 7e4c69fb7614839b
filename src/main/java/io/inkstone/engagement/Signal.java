package io.inkstone.engagement;

/** The kinds of engagement the platform counts. */
public enum Signal {

	READ, SHARE, LIKE

}
