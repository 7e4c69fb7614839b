package io.inkstone.studio;

import java.util.Arrays;
import java.util.List;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

import org.springframework.web.util.HtmlUtils;
import java.util.Locale;

/**
 * Side-by-side comparison of two versions with java-diff-utils: line by line, and inside
 * changed lines character by character (Chinese has no spaces to split words on). The
 * generator marks changes with control characters; the text is HTML-escaped first and
 * only then are the marks turned into tags.
 */
final class RevisionDiff {

	private static final String OPEN_DEL = "\u0001";

	private static final String CLOSE_DEL = "\u0002";

	private static final String OPEN_INS = "\u0003";

	private static final String CLOSE_INS = "\u0004";

	private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create()
		.showInlineDiffs(true)
		.inlineDiffByWord(false)
		.mergeOriginalRevised(false)
		.lineNormalizer(line -> line.replaceAll("[\u0001-\u0004]", ""))
		.oldTag(open -> open ? OPEN_DEL : CLOSE_DEL)
		.newTag(open -> open ? OPEN_INS : CLOSE_INS)
		.build();

	private RevisionDiff() {
	}

	static List<StudioPages.DiffLine> sideBySide(String before, String after) {
		List<DiffRow> rows = GENERATOR.generateDiffRows(lines(before), lines(after));
		return rows.stream()
			.map(r -> new StudioPages.DiffLine(r.getTag().name().toLowerCase(Locale.ROOT), html(r.getOldLine()),
					html(r.getNewLine())))
			.toList();
	}

	private static List<String> lines(String text) {
		return text.isEmpty() ? List.of() : Arrays.asList(text.replace("\r\n", "\n").split("\n", -1));
	}

	private static String html(String marked) {
		return HtmlUtils.htmlEscape(marked)
			.replace(OPEN_DEL, "<del>")
			.replace(CLOSE_DEL, "</del>")
			.replace(OPEN_INS, "<ins>")
			.replace(CLOSE_INS, "</ins>");
	}

}
