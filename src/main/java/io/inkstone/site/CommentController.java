package io.inkstone.site;

import io.inkstone.articles.Article;
import io.inkstone.articles.Articles;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.Comments;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.ReaderKey;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.FormErrors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 跟帖 and likes on the article page: post and reply (signed-in readers), like, and — for
 * the article's creator only — hide a comment or switch comments off. Every action
 * returns to the article.
 */
@Controller
class CommentController {

	private final Comments comments;

	private final Articles articles;

	private final Creators creators;

	CommentController(Comments comments, Articles articles, Creators creators) {
		this.comments = comments;
		this.articles = articles;
		this.creators = creators;
	}

	@PostMapping("/articles/{id}/comments")
	String post(@PathVariable long id, @Valid CommentForm form, BindingResult binding) {
		if (binding.hasErrors()) {
			// a parent that is not a number: nothing a person typed
			throw new BadRequestException(FormErrors.UNREADABLE);
		}
		articles.getPublished(id);
		comments.post(id, SignedIn.current().orElseThrow(), form.text(), form.parent());
		return "redirect:/articles/" + id + "#comments";
	}

	@PostMapping("/comments/{id}/like")
	String like(@PathVariable long id) {
		long article = comments.articleOf(id);
		comments.toggleLike(id, SignedIn.current().orElseThrow().accountId());
		return "redirect:/articles/" + article + "#comment-" + id;
	}

	@PostMapping("/comments/{id}/hide")
	String hide(@PathVariable long id, @RequestParam(name = "hidden", defaultValue = "true") boolean hidden) {
		long article = comments.articleOf(id);
		requireAuthorOf(articles.getPublished(article));
		comments.hideAsCreator(id, hidden);
		return "redirect:/articles/" + article + "#comments";
	}

	@PostMapping("/articles/{id}/comments/settings")
	String settings(@PathVariable long id, @RequestParam(name = "enabled", defaultValue = "true") boolean enabled) {
		requireAuthorOf(articles.getPublished(id));
		comments.setEnabled(id, enabled);
		return "redirect:/articles/" + id + "#comments";
	}

	@PostMapping("/articles/{id}/like")
	String likeArticle(@PathVariable long id, @RequestParam(name = "liked", required = false) Boolean liked,
			HttpServletRequest request) {
		Article article = articles.getPublished(id);
		if (ReaderKey.isBot(request)) {
			return "redirect:/articles/" + id + "#like";
		}
		if (liked == null) {
			comments.toggleArticleLike(id, article.channelId(), ReaderKey.of(request), request.getRemoteAddr());
		}
		else {
			// the confirmation page says which: a second submit of it changes nothing
			// more
			comments.setArticleLike(id, article.channelId(), ReaderKey.of(request), request.getRemoteAddr(), liked);
		}
		return "redirect:/articles/" + id + "#like";
	}

	private void requireAuthorOf(Article article) {
		SignedIn me = SignedIn.current().orElseThrow();
		boolean author = creators.ofAccount(me.accountId()).map(c -> c.id() == article.creatorId()).orElse(false);
		if (!author) {
			throw new ForbiddenException("problem.site.onlyTheArticleSCreatorMay");
		}
	}

}
