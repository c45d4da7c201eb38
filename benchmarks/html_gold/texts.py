"""Article texts for the HTML gold pages, written for this benchmark (facts about public
events; wording our own). Each entry: slug, title, date (ISO), author, outlet, paragraphs.
A paragraph starting with "## " is a subheading, "- " a list item, "| " a table row."""

ARTICLES = [
    dict(
        slug="oil_supply_halt", title="Russia halts oil supplies to Belarus as contract lapses",
        date="2020-01-03", author="Marta Kowal", outlet="Baltic Ledger",
        paras=[
            "Deliveries of Russian crude to Belarusian refineries stopped on the first day of"
            " the year after the two governments failed to sign a new supply contract before"
            " the old one expired at midnight on December 31.",
            "The state concern Belneftekhim said its two refineries, at Mozyr and Novopolotsk,"
            " had switched to reduced runs and were drawing on stored crude. Officials in Minsk"
            " insisted that fuel for the domestic market was not in danger for now.",
            "Transit through the Druzhba pipeline towards Poland, Germany and other European"
            " buyers continued normally, according to the Belarusian pipeline operator"
            " Gomeltransneft, which said it had received no instruction to change the schedule.",
            "The dispute centres on the premium that Russian producers charge on top of the"
            " world price. Minsk argues that the premium should disappear because Moscow's tax"
            " reform is raising the cost of crude for Belarusian plants, while Russian companies"
            " say they will not sell at a loss.",
            "Analysts noted that the quarrel is tied to wider talks on deeper integration within"
            " the Union State, which stalled in December when the two presidents met twice"
            " without an agreement.",
        ]),
    dict(
        slug="pompeo_minsk",
        title="Pompeo visits Minsk, offers to supply all the oil Belarus needs",
        date="2020-02-01", author="Daniel Reyes", outlet="Atlantic Dispatch",
        paras=[
            "Secretary of State Mike Pompeo became the most senior American official to visit"
            " Belarus in more than two decades when he arrived in Minsk on Saturday for talks with"
            " President Alexander Lukashenko.",
            "Speaking at a news conference with Foreign Minister Vladimir Makei, Pompeo said"
            " American producers were ready to provide one hundred percent of the oil Belarus"
            " needs at competitive prices, should Minsk ask for it.",
            "The two sides also announced that they would exchange ambassadors again for the"
            " first time since 2008, when Belarus expelled the United States envoy amid a row"
            " over sanctions.",
            "Pompeo stressed that Washington did not ask Belarus to choose between East and"
            " West. Lukashenko, for his part, told his guest that his country wanted good"
            " relations with everyone and would not become a battleground between great powers.",
            "The visit came a month after Russian oil shipments to Belarus were interrupted"
            " over a pricing dispute, leaving Belarusian refineries short of crude.",
        ]),
    dict(
        slug="druzhba_contamination",
        title="Tainted crude forces Druzhba pipeline shutdown across Europe",
        date="2019-04-26", author="Helena Brandt", outlet="Energy Wire Europe",
        paras=[
            "Oil flows through the Druzhba pipeline to Poland, Germany, Slovakia and Hungary were"
            " suspended this week after buyers found high levels of organic chlorides in Russian"
            " crude, a contaminant that can damage refinery equipment.",
            "Belarus was the first to raise the alarm. Its state refiner said the chloride"
            " content was many times above the permitted limit and that the Mozyr refinery had"
            " been forced to cut output to protect its units.",
            "Transneft, the Russian pipeline monopoly, said the contamination had entered the"
            " system at a privately operated collection point in the Samara region and that"
            " investigators were looking into possible deliberate tampering.",
            "## How long will it last?",
            "Russian officials first promised that clean oil would reach Belarus within days."
            " Polish and German operators were more cautious and said it could take weeks to"
            " flush the tainted batches out of storage tanks and pipes.",
            "The incident raised the question of compensation. Minsk said it would seek payment"
            " for damaged equipment and lost production, and European refiners signalled that"
            " they would do the same.",
        ]),
    dict(
        slug="nord_stream_sanctions",
        title="Trump signs defence bill with sanctions on Nord Stream 2 pipe-laying firms",
        date="2019-12-21", author="Owen Mitchell", outlet="Capitol Briefing",
        paras=[
            "President Donald Trump signed the annual defence spending bill on Friday,"
            " putting into law sanctions aimed at companies that lay pipe for the Nord Stream 2"
            " gas link from Russia to Germany under the Baltic Sea.",
            "Within hours, the Swiss-Dutch contractor Allseas said it had suspended its"
            " pipe-laying work, leaving roughly 160 kilometres of the 1,230-kilometre line"
            " unfinished in Danish waters.",
            "The measures were backed by both parties in Congress. Supporters argued that the"
            " pipeline would deepen Europe's reliance on Russian gas and deprive Ukraine of"
            " transit income.",
            "Berlin rejected the sanctions as interference in its internal affairs, and the"
            " European Commission said it opposed extraterritorial measures against European"
            " companies conducting legitimate business.",
            "Moscow said the project would be completed regardless. Gazprom had earlier planned"
            " to start deliveries by the end of 2019, a date that now appears out of reach.",
        ]),
    dict(
        slug="defender_europe",
        title="NATO allies scale back Defender Europe 20 as virus spreads",
        date="2020-03-17", author="Pieter de Vries", outlet="Security Review",
        paras=[
            "The United States Army announced that it was cutting back Defender Europe 20,"
            " planned as the largest deployment of American troops to Europe for an exercise in"
            " twenty-five years, because of the coronavirus outbreak.",
            "Around 6,000 soldiers had already crossed the Atlantic with equipment by early"
            " March. The movement of further personnel from the United States has stopped, the"
            " army said, and some linked exercises in Poland and the Baltic states were"
            " cancelled.",
            "The exercise was designed to test how fast a full division could be moved across"
            " the ocean and through European ports, railways and roads towards NATO's eastern"
            " flank.",
            "Russian officials had criticised the drills as provocative. Belarus, which borders"
            " Poland and Lithuania, had said it would watch the manoeuvres closely.",
            "Troops already in Europe will return home gradually after health checks, and"
            " equipment will be shipped back over the following months.",
        ]),
    dict(
        slug="eu_sanctions_belarus",
        title="EU imposes sanctions on 40 Belarusian officials over election crackdown",
        date="2020-10-02", author="Claire Dubois", outlet="Brussels Monitor",
        paras=[
            "European Union leaders agreed on Friday to impose travel bans and asset freezes on"
            " about forty Belarusian officials accused of rigging the August presidential"
            " election and of violence against peaceful protesters.",
            "The decision had been held up for weeks by Cyprus, which demanded that the bloc"
            " also act against Turkey. The deadlock was broken at a summit in Brussels.",
            "President Alexander Lukashenko was not on the list. Diplomats said the bloc wanted"
            " to keep the door open for dialogue, but could add him later if the situation did"
            " not improve.",
            "Minsk responded by recalling its ambassadors from Poland and Lithuania and asked"
            " the two countries to reduce their diplomatic staff in Belarus.",
            "Opposition leader Svetlana Tikhanovskaya, who left for Lithuania after the vote,"
            " welcomed the sanctions but urged the EU to go further.",
        ]),
    dict(
        slug="sochi_talks",
        title="Putin and Lukashenko end Sochi talks without oil deal",
        date="2020-02-08", author="Irina Volkova", outlet="Eurasia Observer",
        paras=[
            "The presidents of Russia and Belarus met for several hours in the Black Sea resort"
            " of Sochi on Friday but failed to settle their dispute over the price of Russian oil"
            " and gas.",
            "Belarusian officials said afterwards that Moscow had agreed to supply oil at market"
            " prices, which Minsk regards as a loss of the discount it used to enjoy.",
            "- Oil: supplies resume only at world prices, without the former premium waiver.",
            "- Gas: no agreement on lowering the price Belarus pays to Gazprom.",
            "- Integration: the roadmaps for the Union State remain unsigned.",
            "Lukashenko has said his country may import part of its crude from other suppliers,"
            " including Norway, Kazakhstan and the United States, and through ports in the"
            " Baltic states.",
            "Kremlin spokesman Dmitry Peskov described the talks as constructive and said"
            " contacts at the level of governments would continue.",
        ]),
    dict(
        slug="norway_tanker", title="First Norwegian crude for Belarus arrives in Klaipeda",
        date="2020-01-22", author="Tomas Jankus", outlet="Nordic Port News",
        paras=[
            "A tanker carrying about 80,000 tonnes of Norwegian crude docked at the Lithuanian"
            " port of Klaipeda, from where the oil will travel by rail to the Naftan refinery"
            " at Novopolotsk.",
            "It is the first time Belarus has bought oil from a supplier other than Russia in"
            " years. Belarusian officials described the cargo as a test of alternative routes,"
            " not a full replacement of Russian deliveries.",
            "Rail transport makes the Norwegian oil more expensive than crude delivered by"
            " pipeline, but Minsk said the difference was acceptable while talks with Moscow"
            " continue.",
            "Lithuanian railways said they were ready to handle regular shipments if Belarus"
            " decided to continue the imports.",
        ]),
    dict(
        slug="union_state_roadmaps",
        title="Integration roadmaps stall as Minsk and Moscow trade accusations",
        date="2019-12-20", author="Sergei Antonov", outlet="Minsk Weekly",
        paras=[
            "A second round of talks in St Petersburg between Vladimir Putin and Alexander"
            " Lukashenko ended without the signing of the so-called integration roadmaps, a set"
            " of documents meant to bring the two economies closer together.",
            "Minsk wants compensation for the effects of Russia's tax manoeuvre, which gradually"
            " removes the export duty on crude and raises its price for Belarusian refineries."
            " Moscow links any compensation to progress on integration.",
            "Street protests against closer union with Russia took place in Minsk on two"
            " weekends in December. The demonstrations were small but unusual for Belarus.",
            "Prime Minister Sergei Rumas said the government was preparing for different"
            " scenarios, including a period without Russian oil at the start of the new year.",
        ]),
    dict(
        slug="oil_table", title="How much Russian oil Belarus bought, year by year",
        date="2020-01-10", author="Anna Lis", outlet="Data Desk",
        paras=[
            "Belarus has relied almost entirely on Russia for crude oil since independence."
            " Its two refineries process the oil mainly for export as diesel, petrol and other"
            " products to Ukraine and the European Union.",
            "The figures below are approximate annual volumes that officials and analysts"
            " cited during the contract talks.",
            "| Year | Crude supplied (million tonnes)",
            "| 2017 | 18",
            "| 2018 | 18",
            "| 2019 | 24",
            "The contract for 2020 assumed a similar volume, but no deliveries took place in"
            " the first days of January while the parties argued about the premium paid to"
            " Russian producers.",
            "Refinery exports are one of the country's main sources of foreign currency, which"
            " explains why the government treats the dispute as a question of national economic"
            " security.",
        ]),
    dict(
        slug="baltic_drills", title="Russia and Belarus hold joint air defence drills near border",
        date="2019-09-16", author="Lena Hoffmann", outlet="Defence Today",
        paras=[
            "Air defence units from Russia and Belarus began a week of joint exercises on"
            " Belarusian territory, practising the interception of aircraft and cruise missiles"
            " near the border with Poland and Lithuania.",
            "Both countries described the drills as defensive and routine. They form part of a"
            " regional air defence system that the two allies have built since 2009.",
            "NATO said it had been informed through the usual channels and would follow the"
            " exercise. Lithuanian officials said they did not see an immediate threat but"
            " would keep their own forces on alert.",
            "The drills came two years after the large Zapad 2017 exercise, which raised"
            " concern in neighbouring states about the number of troops involved.",
        ]),
    dict(
        slug="ru_oil_talks", title="Переговоры о поставках нефти в Беларусь зашли в тупик",
        date="2020-01-04", author="Ольга Петрова", outlet="Восточный вестник",
        paras=[
            "Поставки российской нефти на белорусские нефтеперерабатывающие заводы"
            " прекратились с первого января, после того как стороны не подписали новый"
            " контракт.",
            "В Минске заявили, что заводы в Мозыре и Новополоцке работают с минимальной"
            " загрузкой и используют запасы сырья. Внутренний рынок топливом обеспечен.",
            "Транзит нефти по трубопроводу «Дружба» в Польшу и Германию продолжается в"
            " обычном режиме, сообщил белорусский оператор.",
            "Главный предмет спора — премия, которую российские компании добавляют к мировой"
            " цене. Белорусская сторона считает, что после налогового манёвра в России эта"
            " премия должна быть отменена.",
            "Эксперты связывают нефтяной конфликт с переговорами об углублении интеграции в"
            " рамках Союзного государства.",
        ]),
    dict(
        slug="makei_interview",
        title="Makei: Belarus will not give up sovereignty for cheap energy",
        date="2020-02-14", author="Pavel Novak", outlet="Central European Times",
        paras=[
            "Belarus's foreign minister Vladimir Makei said in an interview that his country"
            " valued its alliance with Russia but would not trade its independence for"
            " discounted oil and gas.",
            "Makei described the visit by the US Secretary of State as a normalisation of"
            " relations that had been frozen for years, and said Minsk hoped to see an American"
            " ambassador in the city within months.",
            "Asked about the Russian oil supply, the minister said Belarus had found partial"
            " alternatives and was ready to pay market prices, but expected the same conditions"
            " as Russian regions enjoy inside the Union State.",
            "He added that European sanctions lifted in 2016 had opened space for dialogue"
            " with Brussels, and that Belarus did not want to return to a period of isolation.",
        ]),
]
