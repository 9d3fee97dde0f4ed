import Foundation

/// Postman's dynamic variables (postman-collection 4.4.0 and 5.2.1, `lib/superstring/dynamic-variables.js`).
public enum DynamicVariables {
    /// All 118 names, `$` included.
    public static let names: Set<String> = Set(
        """
        $guid $timestamp $isoTimestamp $randomInt $randomPhoneNumber $randomPhoneNumberExt $randomLocale $randomWords
        $randomFilePath $randomDirectoryPath $randomCity $randomStreetName $randomStreetAddress $randomCountry
        $randomCountryCode $randomLatitude $randomLongitude $randomColor $randomDepartment $randomProductName
        $randomProductAdjective $randomProductMaterial $randomProduct $randomCompanyName $randomCompanySuffix
        $randomCatchPhrase $randomBs $randomCatchPhraseAdjective $randomCatchPhraseDescriptor $randomCatchPhraseNoun
        $randomBsAdjective $randomBsBuzz $randomBsNoun $randomDatabaseColumn $randomDatabaseType
        $randomDatabaseCollation $randomDatabaseEngine $randomDatePast $randomDateFuture $randomDateRecent $randomMonth
        $randomWeekday $randomBankAccount $randomBankAccountName $randomCreditCardMask $randomPrice
        $randomTransactionType $randomCurrencyCode $randomCurrencyName $randomCurrencySymbol $randomBitcoin
        $randomBankAccountIban $randomBankAccountBic $randomAbbreviation $randomAdjective $randomNoun $randomVerb
        $randomIngverb $randomPhrase $randomAvatarImage $randomImageUrl $randomAbstractImage $randomAnimalsImage
        $randomBusinessImage $randomCatsImage $randomCityImage $randomFoodImage $randomNightlifeImage
        $randomFashionImage $randomPeopleImage $randomNatureImage $randomSportsImage $randomTransportImage
        $randomImageDataUri $randomEmail $randomExampleEmail $randomUserName $randomProtocol $randomUrl
        $randomDomainName $randomDomainSuffix $randomDomainWord $randomIP $randomIPV6 $randomUserAgent $randomHexColor
        $randomMACAddress $randomPassword $randomLoremWord $randomLoremWords $randomLoremSentence $randomLoremSlug
        $randomLoremSentences $randomLoremParagraph $randomLoremParagraphs $randomLoremText $randomLoremLines
        $randomFirstName $randomLastName $randomFullName $randomJobTitle $randomNamePrefix $randomNameSuffix
        $randomJobDescriptor $randomJobArea $randomJobType $randomUUID $randomBoolean $randomWord $randomAlphaNumeric
        $randomFileName $randomCommonFileName $randomMimeType $randomCommonFileType $randomCommonFileExt
        $randomFileType $randomFileExt $randomSemver
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// The fixed lengths of dynamic variables whose values always have the same size.
    static let lengths: [String: Int] = ["$guid": 36, "$randomUUID": 36, "$timestamp": 10, "$isoTimestamp": 24]

    /// The length a value has at least once Newman replaces its dynamic variables, or nil when it uses another
    /// variable (whose length is unknown).
    static func minimumLength(of value: String) -> Int? {
        // The tokens Newman replaces (`{{([^{}]*?)}}`, as the lint rules find them), and the text between them.
        let utf8 = value.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        func characters(_ range: Range<Int>) -> Int { value[index(range.lowerBound)..<index(range.upperBound)].count }
        var total = 0, literalStart = 0
        for token in VariableScanner.tokens(in: value) {
            // Another dynamic variable yields at least one character; any other variable, a length not known.
            guard let length = lengths[token.name] ?? (names.contains(token.name) ? 1 : nil) else { return nil }
            total += characters(literalStart..<token.offset) + length
            literalStart = token.offset + token.name.utf8.count + 4
        }
        return total + characters(literalStart..<utf8.count)
    }

    /// A known name close to `name` (same letters ignoring case, or a common alias), for hints.
    static func closest(to name: String) -> String? {
        let aliases = [
            "$uuid": "$guid", "$randomuuid": "$randomUUID", "$isotimestamp": "$isoTimestamp",
            "$timestampms": "$timestamp", "$date": "$isoTimestamp",
        ]
        if let alias = aliases[name.lowercased()] { return alias }
        return names.first { $0.lowercased() == name.lowercased() }
    }
}
