package io.inkstone.importer;

import java.util.List;

/** Page models of {@code /studio/export}. */
public final class ExportPages {

	private ExportPages() {
	}

	public record Index(List<CreatorExports.Export> exports, long keepDays) {
	}

	public record Show(CreatorExports.Export export, long keepDays) {
	}

}
