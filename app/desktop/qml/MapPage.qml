// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtLocation
import QtPositioning
import Placard

// The map page: a Qt Location MapView on Placard's own tiles. The osm plugin's default
// map type fetches tiles from the internet as soon as it shows, so the custom map type
// (which reads MapBridge.tileUrlTemplate) is selected before the first frame.
Item {
    id: page

    MapView {
        id: view
        objectName: "mapView"
        anchors.fill: parent
        // Drawn in software, the map is kept as an image between its own changes: a frame
        // that only the events change (a filter, the timeline playing) then copies it rather
        // than drawing every tile again, at half the cost.
        layer.enabled: GraphicsInfo.api === GraphicsInfo.Software

        map.plugin: Plugin {
            name: "osm"
            PluginParameter { name: "osm.mapping.providersrepository.disabled"; value: true }
            PluginParameter { name: "osm.mapping.custom.host"; value: MapBridge.tileUrlTemplate }
            PluginParameter { name: "osm.mapping.custom.mapcopyright"; value: MapBridge.attribution }
            PluginParameter { name: "osm.mapping.cache.directory"; value: MapBridge.tileCacheDirectory }
            PluginParameter { name: "osm.mapping.highdpi_tiles"; value: MapBridge.highDpiTiles }
            PluginParameter { name: "osm.useragent"; value: MapBridge.userAgent }
        }
        map.center: QtPositioning.coordinate(30, -40)
        map.zoomLevel: 2.5
        map.color: "#dfe6eb"
        map.copyrightsVisible: false
        map.onZoomLevelChanged: MapBridge.zoomLevel = map.zoomLevel
        map.onCenterChanged: MapBridge.setCenter(map.center.latitude, map.center.longitude)

        function selectOfflineMapType() {
            for (let i = 0; i < map.supportedMapTypes.length; ++i) {
                if (map.supportedMapTypes[i].style === MapType.CustomMap) {
                    map.activeMapType = map.supportedMapTypes[i];
                    return;
                }
            }
            console.error("Placard: the osm plugin offers no custom map type");
        }

        Component.onCompleted: {
            selectOfflineMapType();
            MapBridge.zoomLevel = map.zoomLevel;
            MapBridge.setCenter(map.center.latitude, map.center.longitude);
        }

        Connections {
            target: MapBridge
            function onZoomRequested(steps) {
                view.map.zoomLevel = Math.max(view.map.minimumZoomLevel,
                                              Math.min(view.map.maximumZoomLevel,
                                                       Math.round(view.map.zoomLevel) + steps));
            }
            function onZoomToRequested(latitude, longitude, zoom) {
                // Zoom first: a zoom change may move the centre, the centre then lands exactly.
                view.map.zoomLevel = Math.min(view.map.maximumZoomLevel, zoom);
                view.map.center = QtPositioning.coordinate(latitude, longitude);
            }
            function onWorldRequested() {
                view.map.zoomLevel = view.map.minimumZoomLevel;
                view.map.center = QtPositioning.coordinate(20, 0);
            }
        }
    }

    // Every filtered event, drawn by one C++ item in the map's own projection.
    EventLayer {
        objectName: "eventLayer"
        anchors.fill: parent
        center: view.map.center
        zoomLevel: view.map.zoomLevel
        maximumZoomLevel: view.map.maximumZoomLevel
    }

    // The dates the map shows while the timeline plays.
    Rectangle {
        objectName: "timeLabel"
        visible: MapBridge.timeLabel.length > 0
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.top: parent.top
        anchors.topMargin: 12
        width: timeText.implicitWidth + 24
        height: timeText.implicitHeight + 10
        radius: 4
        color: "#e6ffffff"
        border.color: "#8899a6"
        Text {
            id: timeText
            anchors.centerIn: parent
            text: MapBridge.timeLabel
            font.pixelSize: 18
            font.bold: true
            color: "#1d2a33"
        }
    }

    // While an event is being placed by hand, a click anywhere on the map says where.
    MouseArea {
        objectName: "placingArea"
        anchors.fill: parent
        enabled: MapBridge.placing
        visible: enabled
        cursorShape: Qt.CrossCursor
        onClicked: (mouse) => {
            const c = view.map.toCoordinate(Qt.point(mouse.x, mouse.y), false);
            if (c.isValid)
                MapBridge.placeAt(c.latitude, c.longitude);
        }
    }

    Rectangle {
        objectName: "attribution"
        visible: attributionText.text.length > 0
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        width: attributionText.implicitWidth + 12
        height: attributionText.implicitHeight + 6
        color: "#d0ffffff"
        Text {
            id: attributionText
            anchors.centerIn: parent
            text: MapBridge.attribution
            textFormat: Text.StyledText
            font.pixelSize: 11
            color: "#333333"
        }
    }
}
