/**
 * Channels (频道): slug, Chinese display name and order. A fresh site starts from the
 * configured default set; imports create the channels they bring, named from
 * configuration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package io.inkstone.channels;
