package org.segmint.persistence.insight;

/**
 * How many members can be reached through each channel.
 *
 * @param email         members with an email address
 * @param emailOptIn    members opted in to email
 * @param phone         members with a phone number
 * @param postalAddress members with a postal address
 */
public record Reachability(Channel email, Channel emailOptIn, Channel phone, Channel postalAddress) {

    /**
     * One channel.
     *
     * @param column the customer column it is read from ({@code customers.email}), or null when the workspace
     *               has no such column: the channel is then not available and the counts are null
     * @param count  members reachable
     * @param share  {@code count / members} (0 for no members), or null when not available
     */
    public record Channel(String column, Long count, Double share) {
        public static Channel notAvailable() {
            return new Channel(null, null, null);
        }

        public static Channel of(String column, long count, long members) {
            return new Channel(column, count, members == 0 ? 0.0 : (double) count / members);
        }

        public boolean available() {
            return column != null;
        }
    }
}
