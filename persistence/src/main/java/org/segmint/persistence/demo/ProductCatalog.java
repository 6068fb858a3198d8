package org.segmint.persistence.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo shop's products: a fixed assortment (the same for every seed, so category and brand values
 * are stable) of electronics, home and fashion, each with a price. Cheap everyday categories sell more
 * often than laptops and cameras.
 */
final class ProductCatalog {
    /** A category with its share of sold lines, brands, price range in cents, and number of products. */
    record Category(String name, int weight, String[] brands, int minCents, int maxCents, int products) {
    }

    /** One product: id, category, brand and unit price in cents. */
    record Product(String id, String category, String brand, int priceCents) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("Laptops", 3, new String[] {"Lenovo", "Dell", "HP", "Apple", "Asus"}, 39_900, 249_900, 60),
            new Category("Cameras", 2, new String[] {"Canon", "Nikon", "Sony", "Fujifilm"}, 19_900, 189_900, 40),
            new Category("Phones", 4, new String[] {"Apple", "Samsung", "Google", "Xiaomi"}, 14_900, 129_900, 50),
            new Category("Audio", 8, new String[] {"Sony", "Bose", "JBL", "Sennheiser"}, 1_990, 39_900, 120),
            new Category("TV & Video", 3, new String[] {"Samsung", "LG", "Sony", "Philips"}, 24_900, 199_900, 50),
            new Category("Gaming", 6, new String[] {"Nintendo", "Sony", "Microsoft", "Logitech"}, 1_990, 54_900, 100),
            new Category("Accessories", 18, new String[] {"Anker", "Belkin", "Logitech", "Samsung"}, 490, 7_990, 300),
            new Category("Home", 10, new String[] {"Ikea", "Philips", "Dyson", "Tefal"}, 990, 49_900, 250),
            new Category("Kitchen", 9, new String[] {"Tefal", "KitchenAid", "Bosch", "WMF"}, 590, 39_900, 250),
            new Category("Apparel", 14, new String[] {"Levi's", "H&M", "Uniqlo", "Zara"}, 990, 12_900, 400),
            new Category("Shoes", 7, new String[] {"Nike", "Adidas", "Puma", "New Balance"}, 2_990, 17_900, 200),
            new Category("Beauty", 8, new String[] {"L'Oreal", "Nivea", "Clinique", "Dove"}, 290, 8_990, 250),
            new Category("Sports", 4, new String[] {"Decathlon", "Garmin", "Wilson", "Adidas"}, 990, 59_900, 150),
            new Category("Toys", 4, new String[] {"Lego", "Hasbro", "Mattel", "Playmobil"}, 590, 19_900, 150));

    private static final long ASSORTMENT_SEED = 0x5E6317L;

    private final List<List<Product>> byCategory = new ArrayList<>();
    private final Weights weights;

    ProductCatalog() {
        SplittableRandom rng = new SplittableRandom(ASSORTMENT_SEED);
        int next = 10_001;
        for (int c = 0; c < CATEGORIES.size(); c++) {
            Category cat = CATEGORIES.get(c);
            List<Product> products = new ArrayList<>(cat.products());
            for (int p = 0; p < cat.products(); p++) {
                // Prices skew to the cheap end of the range, ending in .99 or .00 like shop prices do.
                double u = rng.nextDouble();
                int cents = cat.minCents() + (int) ((cat.maxCents() - cat.minCents()) * u * u);
                cents = cents / 100 * 100 + (rng.nextInt(4) == 0 ? 0 : 99);
                products.add(new Product("P" + next++, cat.name(), Vocabulary.pick(rng, cat.brands()), cents));
            }
            byCategory.add(products);
        }
        weights = new Weights(CATEGORIES.stream().mapToInt(Category::weight).toArray());
    }

    int categoryCount() {
        return CATEGORIES.size();
    }

    /** A category index drawn by how often categories sell. */
    int randomCategory(SplittableRandom rng) {
        return weights.draw(rng);
    }

    /** A product of the category; the first products of a category are its best sellers. */
    Product product(SplittableRandom rng, int category) {
        List<Product> products = byCategory.get(category);
        double u = rng.nextDouble();
        return products.get((int) (products.size() * u * u));
    }
}
