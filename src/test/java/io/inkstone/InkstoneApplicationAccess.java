package io.inkstone;

/** Lets tests in other packages reach the launcher's package-private argument checks. */
public final class InkstoneApplicationAccess {

	private InkstoneApplicationAccess() {
	}

	public static String exportProblem(String... args) {
		return InkstoneApplication.exportArgumentProblem(args);
	}

}
