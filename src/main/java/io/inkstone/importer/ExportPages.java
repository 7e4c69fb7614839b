package io.inkstone.importer;

import java.util.List;

import io.inkstone.channels.Channel;
import io.inkstone.web.Ui;

/** Page models of {@code /studio/export}. */
public final class ExportPages {

	private ExportPages() {
	}

	public record Index(Ui ui, List<Channel> nav, List<CreatorExports.Export> exports, long keepDays) {
	}

	public record Show(Ui ui, List<Channel> nav, CreatorExports.Export export, long keepDays) {
	}

}
