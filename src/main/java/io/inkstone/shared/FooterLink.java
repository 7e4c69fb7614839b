package io.inkstone.shared;

import java.util.List;

/** A link in the site footer (a static page): its title and its path on this site. */
public record FooterLink(String title, String href) {

	/**
	 * Supplies the footer links (implemented by the pages module; the web module asks it
	 * per request).
	 */
	public interface Source {

		List<FooterLink> footerLinks();

	}

}
