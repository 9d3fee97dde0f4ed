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
