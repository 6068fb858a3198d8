package org.segmint.persistence.demo;

import java.util.List;
import java.util.SplittableRandom;

/** The fixed word lists demo customers are made of: names, places, tiers, channels, campaigns. */
final class Vocabulary {
    static final String[] FEMALE_NAMES = {
        "Emma", "Olivia", "Sophia", "Mia", "Charlotte", "Amelia", "Hannah", "Lena", "Clara", "Julia",
        "Laura", "Sarah", "Anna", "Marie", "Lea", "Chloe", "Camille", "Ines", "Lucia", "Martina",
        "Sofia", "Giulia", "Elena", "Emily", "Grace", "Ava", "Isabella", "Zoe", "Nora", "Alice",
        "Freya", "Ella", "Maja", "Elsa", "Ingrid", "Fleur", "Sanne", "Eva", "Noor", "Daniela"};
    static final String[] MALE_NAMES = {
        "Liam", "Noah", "Oliver", "James", "Lucas", "Elias", "Leon", "Paul", "Felix", "Jonas",
        "Lukas", "Max", "Hugo", "Louis", "Jules", "Gabriel", "Mateo", "Pablo", "Diego", "Marco",
        "Luca", "Matteo", "Lorenzo", "Jack", "Harry", "George", "William", "Thomas", "Daniel", "David",
        "Erik", "Oscar", "Axel", "Sven", "Daan", "Sem", "Bram", "Ethan", "Henry", "Samuel"};
    static final String[] LAST_NAMES = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Clark",
        "Walker", "Hall", "Young", "King", "Wright", "Green", "Baker", "Adams", "Nelson", "Hill",
        "Muller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch",
        "Martin", "Bernard", "Dubois", "Durand", "Leroy", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre",
        "Garcia", "Fernandez", "Lopez", "Martinez", "Sanchez", "Perez", "Gomez", "Ruiz", "Diaz", "Moreno",
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
        "de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos",
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Lindberg",
        "Murphy", "Kelly", "Walsh", "Byrne", "Ryan", "Lee", "Chen", "Nguyen", "Patel", "Singh"};
    static final String[] STREETS = {
        "Main", "High", "Park", "Oak", "Station", "Church", "Mill", "Lake", "Garden", "River",
        "Market", "Victoria", "King", "Queen", "Bridge", "Hill", "School", "Forest", "Elm", "Maple"};
    static final String[] STREET_KINDS = {"Street", "Road", "Lane", "Avenue", "Way"};
    static final String[] EMAIL_DOMAINS = {
        "gmail.com", "outlook.com", "yahoo.com", "icloud.com", "gmx.net", "web.de", "orange.fr", "hotmail.com",
        "proton.me", "mail.com"};

    /** A country with its weight among customers, dialling code and cities. */
    record Country(String name, int weight, String dialCode, String postalPattern, String[] cities) {
    }

    /** {@code #} becomes a digit, {@code A} a letter in postal patterns. */
    static final List<Country> COUNTRIES = List.of(
            new Country("United States", 30, "+1", "#####",
                    new String[] {"New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Seattle", "Boston",
                        "Denver", "Austin", "Atlanta"}),
            new Country("United Kingdom", 14, "+44", "A## #AA",
                    new String[] {"London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Bristol", "Liverpool"}),
            new Country("Germany", 14, "+49", "#####",
                    new String[] {"Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt", "Stuttgart", "Leipzig"}),
            new Country("France", 10, "+33", "#####",
                    new String[] {"Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Bordeaux"}),
            new Country("Netherlands", 6, "+31", "#### AA",
                    new String[] {"Amsterdam", "Rotterdam", "Utrecht", "The Hague", "Eindhoven"}),
            new Country("Spain", 7, "+34", "#####",
                    new String[] {"Madrid", "Barcelona", "Valencia", "Seville", "Bilbao"}),
            new Country("Italy", 7, "+39", "#####",
                    new String[] {"Rome", "Milan", "Naples", "Turin", "Florence", "Bologna"}),
            new Country("Canada", 5, "+1", "A#A #A#",
                    new String[] {"Toronto", "Montreal", "Vancouver", "Calgary", "Ottawa"}),
            new Country("Australia", 4, "+61", "####",
                    new String[] {"Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"}),
            new Country("Sweden", 3, "+46", "### ##",
                    new String[] {"Stockholm", "Gothenburg", "Malmo", "Uppsala"}));

    static final String[] TIERS = {"bronze", "silver", "gold", "platinum"};
    static final Weights TIER_WEIGHTS = new Weights(48, 30, 16, 6);

    static final String[] CHANNELS = {"web", "store", "app"};
    static final Weights CHANNEL_WEIGHTS = new Weights(50, 30, 20);

    static final String[] CAMPAIGN_THEMES = {
        "new-year-sale", "winter-clearance", "valentines", "spring-collection", "easter", "mothers-day",
        "summer-sale", "back-to-school", "autumn-deals", "halloween", "black-friday", "holiday-gifts"};

    private static final int COUNTRY_TOTAL = COUNTRIES.stream().mapToInt(Country::weight).sum();

    private Vocabulary() {
    }

    static Country country(SplittableRandom rng) {
        int r = rng.nextInt(COUNTRY_TOTAL);
        for (Country c : COUNTRIES) {
            r -= c.weight();
            if (r < 0) {
                return c;
            }
        }
        return COUNTRIES.get(0);
    }

    static <T> T pick(SplittableRandom rng, T[] values) {
        return values[rng.nextInt(values.length)];
    }

    static String postalCode(SplittableRandom rng, String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '#') {
                sb.append((char) ('0' + rng.nextInt(10)));
            } else if (ch == 'A') {
                sb.append((char) ('A' + rng.nextInt(26)));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
