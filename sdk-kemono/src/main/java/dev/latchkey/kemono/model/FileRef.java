package dev.latchkey.kemono.model;

import java.util.Optional;

/**
 * A file of a post: its name and its path on Kemono's file servers (relative to the site, for example
 * {@code /data/ab/cd/abcd.png}). Kemono sends {@code {}} for a post without a main file: both are then empty.
 *
 * @param name the file name
 * @param path the file's path on the site
 */
public record FileRef(Optional<String> name, Optional<String> path) {

    /**
     * Creates a {@code FileRef}, checking and normalizing its components.
     *
     * @param name the file name
     * @param path the file's path on the site
     */
    public FileRef {
        name = name == null ? Optional.empty() : name;
        path = path == null ? Optional.empty() : path;
    }
}
