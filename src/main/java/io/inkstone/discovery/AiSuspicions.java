package io.inkstone.discovery;

/**
 * Whether an article carries the "疑似AI生成" (suspected AI-generated) label on its cards. A
 * port: the machine review that decides it lives in moderation (governance), which
 * implements this, so discovery needs nothing from it.
 */
public interface AiSuspicions {

	boolean suspected(long articleId);

}
