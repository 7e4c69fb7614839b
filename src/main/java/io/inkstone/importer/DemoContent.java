package io.inkstone.importer;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.inkstone.articles.Articles;
import io.inkstone.shared.InkstoneProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * With {@code inkstone.demo=true}, an empty site imports the bundled demo content:
 * public-domain classical poetry and prose from the chinese-poetry project (MIT). A share
 * of the newest articles get pictures drawn at seed time ({@link DemoPictures}) and
 * stored through the media library like any upload, so the home page shows its lead
 * picture, 单图 and 三图 cards on a fresh site.
 */
@Component
class DemoContent {

	private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

	static final String RESOURCE = "demo/demo-articles.jsonl.gz";

	/** How many of the newest articles are looked at for pictures. */
	static final int PICTURED_NEWEST = 48;

	private final ArticleImporter importer;

	private final Articles articles;

	private final InkstoneProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	DemoContent(ArticleImporter importer, Articles articles, InkstoneProperties properties) {
		this.importer = importer;
		this.articles = articles;
		this.properties = properties;
	}

	@EventListener(ApplicationStartedEvent.class)
	void importIfEmpty() throws IOException {
		if (!properties.demo() || articles.countPublished() > 0) {
			return;
		}
		Path pictures = Files.createTempDirectory("inkstone-demo-pictures");
		try {
			byte[] lines = withPictures(readLines(), pictures);
			ImportReport report = importer.importLines(new ByteArrayInputStream(lines), null, pictures);
			log.info("Demo content imported: {} articles", report.imported());
		}
		finally {
			try (Stream<Path> files = Files.list(pictures)) {
				for (Path file : files.toList()) {
					Files.deleteIfExists(file);
				}
			}
			Files.deleteIfExists(pictures);
		}
	}

	private static List<String> readLines() throws IOException {
		try (InputStream in = new GZIPInputStream(new ClassPathResource(RESOURCE).getInputStream());
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines().filter(line -> !line.isBlank()).toList();
		}
	}

	/**
	 * The lines, the newest {@value #PICTURED_NEWEST} of them with pictures in a pattern
	 * that shows every card layout: every fourth from the newest a cover (单图, the newest
	 * leads), every fourth from the third three pictures in the body (三图), the rest none
	 * (无图).
	 */
	byte[] withPictures(List<String> lines, Path dir) throws IOException {
		List<ObjectNode> nodes = new ArrayList<>(lines.size());
		for (String line : lines) {
			nodes.add((ObjectNode) json.readTree(line));
		}
		List<Integer> newest = IntStream.range(0, nodes.size())
			.boxed()
			.sorted(Comparator.comparing((Integer i) -> nodes.get(i).path("published_at").asString("")).reversed())
			.limit(PICTURED_NEWEST)
			.toList();
		Map<Integer, Integer> pictures = new HashMap<>();
		for (int rank = 0; rank < newest.size(); rank++) {
			if (rank % 4 == 0) {
				pictures.put(newest.get(rank), 1);
			}
			else if (rank % 4 == 2) {
				pictures.put(newest.get(rank), 3);
			}
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < nodes.size(); i++) {
			Integer count = pictures.get(i);
			if (count != null) {
				addPictures(nodes.get(i), count, dir);
			}
			out.append(json.writeValueAsString(nodes.get(i))).append('\n');
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void addPictures(ObjectNode node, int count, Path dir) throws IOException {
		String key = node.path("id").asString("");
		String channel = node.path("channel").asString("");
		String title = node.path("title").asString("");
		ArrayNode images = node.putArray("images");
		StringBuilder body = new StringBuilder(node.path("body_markdown").asString(""));
		for (int variant = 0; variant < count; variant++) {
			String file = key.replaceAll("[^A-Za-z0-9-]", "_") + "-" + variant + ".jpg";
			Files.write(dir.resolve(file), DemoPictures.draw(key, channel, title, variant));
			String url = "demo-pictures/" + file;
			ObjectNode image = images.addObject();
			image.put("url", url);
			image.put("file", file);
			image.put("alt", title);
			if (count == 1) {
				node.put("cover", url);
			}
			else {
				// 三图: the pictures stand in the body, where a card finds them
				body.append("\n\n![").append(title).append("](").append(url).append(')');
			}
		}
		node.put("body_markdown", body.toString());
	}

}
