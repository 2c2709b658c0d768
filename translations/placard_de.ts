<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop/main.cpp" line="29"/>
        <source>A desktop atlas of demonstrations.</source>
        <translation>Ein Desktop-Atlas von Demonstrationen.</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="34"/>
        <source>Save a picture of the window to FILE once the map has loaded, then quit.</source>
        <translation>Nach dem Laden der Karte ein Bild des Fensters in DATEI speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="40"/>
        <source>Open the sample catalogue (made on first use).</source>
        <translation>Den Beispielkatalog öffnen (beim ersten Mal angelegt).</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="43"/>
        <source>A catalogue to open.</source>
        <translation>Ein zu öffnender Katalog.</translation>
    </message>
</context>
<context>
    <name>placard::AboutDialog</name>
    <message>
        <location filename="../app/desktop/aboutdialog.cpp" line="17"/>
        <source>About Placard</source>
        <translation>Über Placard</translation>
    </message>
    <message>
        <location filename="../app/desktop/aboutdialog.cpp" line="21"/>
        <source>&lt;h2&gt;Placard %1&lt;/h2&gt;&lt;p&gt;A desktop atlas of demonstrations.&lt;/p&gt;&lt;p&gt;Copyright © the Placard authors. Placard is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/aboutdialog.cpp" line="33"/>
        <source>&lt;h3&gt;Libraries&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;h3&gt;Data&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>placard::EventLayer</name>
    <message>
        <location filename="../app/desktop/eventlayer.cpp" line="176"/>
        <source>(no type)</source>
        <translation>(ohne Art)</translation>
    </message>
    <message>
        <location filename="../app/desktop/eventlayer.cpp" line="178"/>
        <location filename="../app/desktop/eventlayer.cpp" line="218"/>
        <source>crowd size (area)</source>
        <translation>Teilnehmerzahl (Fläche)</translation>
    </message>
    <message>
        <location filename="../app/desktop/eventlayer.cpp" line="180"/>
        <location filename="../app/desktop/eventlayer.cpp" line="223"/>
        <source>size unknown</source>
        <translation>Größe unbekannt</translation>
    </message>
    <message>
        <location filename="../app/desktop/eventlayer.cpp" line="182"/>
        <location filename="../app/desktop/eventlayer.cpp" line="227"/>
        <source>placed at state or country</source>
        <translation>nur Bundesstaat oder Land bekannt</translation>
    </message>
    <message>
        <location filename="../app/desktop/eventlayer.cpp" line="183"/>
        <source>several events</source>
        <translation>mehrere Ereignisse</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/desktop/eventlayer.cpp" line="357"/>
        <source>+ %n more type(s)</source>
        <translation>
            <numerusform>+ %n weitere Art</numerusform>
            <numerusform>+ %n weitere Arten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>placard::MainWindow</name>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="523"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="540"/>
        <source>Upgrading %1 for this version of Placard (once)…</source>
        <translation>%1 wird für diese Version von Placard aktualisiert (einmalig)…</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="560"/>
        <source>Completing the text index an interrupted import left unfinished in %1…</source>
        <translation>Der Textindex, den ein abgebrochener Import in %1 unvollständig ließ, wird vervollständigt…</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="43"/>
        <source>Placard</source>
        <translation>Placard</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="66"/>
        <source>&lt;b&gt;%1 events&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 Ereignisse&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="69"/>
        <source>&lt;br&gt;%1 people known to have taken part</source>
        <translation>&lt;br&gt;%1 Teilnehmende bekannt</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="71"/>
        <source>&lt;br&gt;%1 of unknown size</source>
        <translation>&lt;br&gt;%1 mit unbekannter Größe</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="77"/>
        <source>Selected: %1</source>
        <translation>Ausgewählt: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="115"/>
        <source>%1 — Placard</source>
        <translation>%1 — Placard</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="144"/>
        <source>&lt;br&gt;Crowd: %1</source>
        <translation>&lt;br&gt;Teilnehmende: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="146"/>
        <source>&lt;br&gt;&lt;i&gt;planned&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;geplant&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="173"/>
        <location filename="../app/desktop/mainwindow.cpp" line="200"/>
        <source>No catalogue open</source>
        <translation>Kein Katalog geöffnet</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="179"/>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="179"/>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="181"/>
        <source>, %1 unplaced</source>
        <translation>, %1 ohne Ort</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="182"/>
        <source> in %1</source>
        <translation> in %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="204"/>
        <source>Place Unplaced Events</source>
        <translation>Ereignisse ohne Ort verorten</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="211"/>
        <source>Placing events…</source>
        <translation>Ereignisse werden verortet …</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="211"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="241"/>
        <source>Cancelled; no event was changed</source>
        <translation>Abgebrochen; kein Ereignis wurde geändert</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="242"/>
        <source>%1 events placed (%2 at a town or city, %3 at a state, %4 at a country); %5 still unplaced</source>
        <translation>%1 Ereignisse verortet (%2 an einem Ort, %3 in einem Bundesstaat, %4 in einem Land); %5 weiterhin ohne Ort</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="254"/>
        <location filename="../app/desktop/mainwindow.cpp" line="261"/>
        <source>Open Catalogue</source>
        <translation>Katalog öffnen</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="256"/>
        <source>Placard catalogues (*.placard);;All files (*)</source>
        <translation>Placard-Kataloge (*.placard);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="267"/>
        <location filename="../app/desktop/mainwindow.cpp" line="276"/>
        <location filename="../app/desktop/mainwindow.cpp" line="281"/>
        <source>New Catalogue</source>
        <translation>Neuer Katalog</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="269"/>
        <source>Placard catalogues (*.placard)</source>
        <translation>Placard-Kataloge (*.placard)</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="276"/>
        <source>%1 cannot be replaced.</source>
        <translation>%1 kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="305"/>
        <source>&lt;h2&gt;The map could not be shown&lt;/h2&gt;&lt;p&gt;Placard&apos;s map page failed to load. This usually means a Qt Location or Qt Quick module is missing from the installation.&lt;/p&gt;&lt;pre&gt;%1&lt;/pre&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="315"/>
        <source>Zoom %1</source>
        <translation>Zoom %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="320"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="322"/>
        <source>&amp;New Catalogue…</source>
        <translation>&amp;Neuer Katalog …</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="325"/>
        <source>&amp;Open Catalogue…</source>
        <translation>Katalog ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="328"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="332"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="333"/>
        <source>&amp;Place Unplaced Events</source>
        <translation>Ereignisse ohne Ort &amp;verorten</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="337"/>
        <source>Find coordinates for events that have none, from their place names, with the offline gazetteer</source>
        <translation>Koordinaten für Ereignisse ohne Ort aus ihren Ortsnamen finden, mit dem Offline-Ortsverzeichnis</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="341"/>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="347"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="352"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="354"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="356"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="359"/>
        <source>&amp;Whole World</source>
        <translation>&amp;Ganze Welt</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>Wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Im&amp;ports…</source>
        <translation>Im&amp;porte…</translation>
    </message>
    <message>
        <source>Zoom to &amp;Events</source>
        <translation>Auf &amp;Ereignisse zoomen</translation>
    </message>
    <message>
        <source>&amp;Legend</source>
        <translation>&amp;Legende</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="363"/>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="370"/>
        <source>&amp;Status Bar</source>
        <translation>&amp;Statusleiste</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="375"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="376"/>
        <source>&amp;About Placard</source>
        <translation>Ü&amp;ber Placard</translation>
    </message>
    <message>
        <location filename="../app/desktop/mainwindow.cpp" line="381"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>placard::MapWidget</name>
    <message>
        <location filename="../app/desktop/mapwidget.cpp" line="57"/>
        <source>Basemap: Natural Earth, US Census Bureau; places © GeoNames</source>
        <translation>Grundkarte: Natural Earth, US Census Bureau; Orte © GeoNames</translation>
    </message>
    <message>
        <location filename="../app/desktop/mapwidget.cpp" line="73"/>
        <location filename="../app/desktop/mapwidget.cpp" line="81"/>
        <source>Tiles: %1</source>
        <translation>Kacheln: %1</translation>
    </message>
    <message>
        <location filename="../app/desktop/mapwidget.cpp" line="83"/>
        <source>%1: no such folder</source>
        <translation>%1: Ordner nicht gefunden</translation>
    </message>
    <message>
        <location filename="../app/desktop/mapwidget.cpp" line="131"/>
        <source>The map page %1 produced no item.</source>
        <translation>Die Kartenseite %1 hat kein Element erzeugt.</translation>
    </message>
</context>
<context>
    <name>placard::PreferencesDialog</name>
    <message>
        <location filename="../app/desktop/preferencesdialog.cpp" line="39"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../app/desktop/preferencesdialog.cpp" line="41"/>
        <source>Map tiles</source>
        <translation>Kartenkacheln</translation>
    </message>
    <message>
        <location filename="../app/desktop/preferencesdialog.cpp" line="44"/>
        <source>&amp;Built-in basemap (offline)</source>
        <translation>&amp;Eingebaute Grundkarte (offline)</translation>
    </message>
    <message>
        <location filename="../app/desktop/preferencesdialog.cpp" line="46"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../app/desktop/preferencesdialog.cpp" line="47"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../app/desktop/preferencesdialog.cpp" line="52"/>
        <source>Style:</source>
        <translation>Stil:</translation>
    </message>
    <message>
        <location filename="../app/desktop/preferencesdialog.cpp" line="56"/>
        <source>A &amp;folder of XYZ tiles (z/x/y.png)</source>
        <translation>Ein &amp;Ordner mit XYZ-Kacheln (z/x/y.png)</translation>
    </message>
    <message>
        <location filename="../app/desktop/preferencesdialog.cpp" line="58"/>
        <location filename="../app/desktop/preferencesdialog.cpp" line="62"/>
        <source>Choose…</source>
        <translation>Wählen …</translation>
    </message>
    <message>
        <location filename="../app/desktop/preferencesdialog.cpp" line="60"/>
        <source>An &amp;MBTiles file</source>
        <translation>Eine &amp;MBTiles-Datei</translation>
    </message>
    <message>
        <location filename="../app/desktop/preferencesdialog.cpp" line="64"/>
        <source>&amp;OpenStreetMap tiles (online)</source>
        <translation>&amp;OpenStreetMap-Kacheln (online)</translation>
    </message>
    <message>
        <location filename="../app/desktop/preferencesdialog.cpp" line="69"/>
        <source>Tiles are then downloaded from OpenStreetMap&apos;s servers, which learn which places you look at. Everything else in Placard stays offline.</source>
        <translation>Die Kacheln werden dann von den Servern von OpenStreetMap geladen, die so erfahren, welche Orte Sie ansehen. Alles andere in Placard bleibt offline.</translation>
    </message>
    <message>
        <location filename="../app/desktop/preferencesdialog.cpp" line="94"/>
        <source>Folder of XYZ Tiles</source>
        <translation>Ordner mit XYZ-Kacheln</translation>
    </message>
    <message>
        <location filename="../app/desktop/preferencesdialog.cpp" line="102"/>
        <source>MBTiles File</source>
        <translation>MBTiles-Datei</translation>
    </message>
    <message>
        <location filename="../app/desktop/preferencesdialog.cpp" line="102"/>
        <source>MBTiles (*.mbtiles);;All files (*)</source>
        <translation>MBTiles (*.mbtiles);;Alle Dateien (*)</translation>
    </message>
</context>
</TS>
