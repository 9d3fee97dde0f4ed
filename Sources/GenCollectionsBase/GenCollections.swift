public enum GenCollections { public static let version = "0.1.0" }
