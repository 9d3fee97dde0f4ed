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
        var total = 0
        var rest = value[...]
        while let open = pair(of: UInt8(ascii: "{"), in: rest) {
            total += rest[..<open.lowerBound].count
            guard let close = pair(of: UInt8(ascii: "}"), in: rest[open.upperBound...]) else {
                return total + rest.count
            }
            let name = String(rest[open.upperBound..<close.lowerBound])
            guard let length = lengths[name] else {
                guard names.contains(name) else { return nil }
                total += 1  // any other dynamic variable yields at least one character
                rest = rest[close.upperBound...]
                continue
            }
            total += length
            rest = rest[close.upperBound...]
        }
        return total + rest.count
    }

    /// The first `{{` or `}}` in `text`, found in its UTF-8 (Foundation's `range(of:)` was most of this check).
    private static func pair(of brace: UInt8, in text: Substring) -> Range<String.Index>? {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while let found = utf8[index...].firstIndex(of: brace) {
            let after = utf8.index(after: found)
            guard after < utf8.endIndex else { return nil }
            if utf8[after] == brace { return found..<utf8.index(after: after) }
            index = after
        }
        return nil
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
