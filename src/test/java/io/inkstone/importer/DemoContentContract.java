package io.inkstone.importer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh demo site ({@code inkstone.demo=true}) shows pictures: the home page's lead
 * story has one, and there are 单图 and 三图 cards, each with renditions that answer.
 */
abstract class DemoContentContract {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void demoHomeShowsLeadPictureAndPictureCardsWithRenditions() throws Exception {
		Document home = Jsoup.parse(get("/").body());
		Element lead = home.selectFirst("[data-testid=card-lead-picture]");
		assertThat(lead).as("the lead story's picture").isNotNull();
		assertThat(home.select("[data-testid=card-cover]")).as("单图 cards").isNotEmpty();
		assertThat(home.select("[data-testid=card-three] img")).as("三图 cards").hasSizeGreaterThanOrEqualTo(3);
		List<Element> pictures = new ArrayList<>();
		pictures.add(lead);
		pictures.add(home.selectFirst("[data-testid=card-cover]"));
		pictures.addAll(home.select("[data-testid=card-three] img"));
		for (Element img : pictures) {
			String srcset = img.attr("srcset");
			assertThat(srcset).as("srcset of %s", img.attr("src")).contains("480w").contains("960w");
			for (String candidate : srcset.split(",")) {
				String url = candidate.strip().split(" ")[0];
				HttpResponse<String> rendition = get(url);
				assertThat(rendition.statusCode()).as(url).isEqualTo(200);
				assertThat(rendition.headers().firstValue("Content-Type"))
					.hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
			}
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		URI uri = path.startsWith("http") ? URI.create(path) : URI.create("http://localhost:" + port + path);
		return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
