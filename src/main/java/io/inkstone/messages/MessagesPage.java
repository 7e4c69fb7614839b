package io.inkstone.messages;

import java.util.List;

/**
 * The page model of {@code messages/index.jte}: one page of messages and the cursor of
 * the next.
 */
public record MessagesPage(List<Message> messages, String next, boolean firstPage, boolean allRead) {
}
