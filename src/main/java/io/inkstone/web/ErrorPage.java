package io.inkstone.web;

/**
 * The model of every error page: status, a heading and a sentence a person understands.
 */
public record ErrorPage(int status, String heading, String message) {
}
