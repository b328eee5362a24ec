/**
 * What TMDb answers, as records: ids and the username are required; titles, dates, ratings and paths tolerate
 * {@code null} and absence.
 *
 * <pre>{@code
 * Movie m = me.favoriteMovies().stream().findFirst().orElseThrow();
 * System.out.println(m.title() + m.releaseDate().map(d -> " (" + d.getYear() + ")").orElse(""));
 * }</pre>
 */
package dev.latchkey.tmdb.model;
